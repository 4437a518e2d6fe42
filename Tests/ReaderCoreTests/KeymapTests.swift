import ReaderCore
import ScreenKit
import Testing

@Suite("Keymap")
struct KeymapTests {
    static func keys(_ names: String) -> [KeyEvent] { KeyEvent.sequence(named: names)! }

    @Test("Every default key resolves to its action on the screens the table names")
    func defaults() {
        for entry in ActionTable.entries {
            for name in entry.keys {
                for screen in entry.screens {
                    let resolution = Keymap.defaults.resolve(Self.keys(name), on: screen)
                    #expect(resolution == .actions([entry.action]) || resolution == .needMore(exact: [entry.action]),
                            "\(name) on \(screen)")
                }
            }
        }
    }

    @Test("No two actions share a default key on the same screen")
    func noClashes() {
        for screen in ScreenKind.allCases {
            var seen: [String: Action] = [:]
            for entry in ActionTable.entries where entry.applies(to: screen) {
                for key in entry.keys {
                    #expect(seen[key] == nil, "\(key) on \(screen): \(seen[key].map(\.rawValue) ?? "") and \(entry.action)")
                    seen[key] = entry.action
                }
            }
        }
    }

    @Test("A multi-key binding waits for its second key, and its prefix still works alone")
    func sequences() {
        var keymap = Keymap.defaults
        keymap.bind(Self.keys("g g"), to: [.top], in: nil)
        keymap.bind(Self.keys("g b"), to: [.bottom], in: nil)
        #expect(keymap.resolve(Self.keys("g"), on: .feeds) == .needMore(exact: [.top]))
        #expect(keymap.resolve(Self.keys("g b"), on: .feeds) == .actions([.bottom]))

        var state = Fixture.reader()
        state.keymap = keymap
        state.press("g", "b")
        #expect(state.lines.last?.hasSuffix("5/5") == true)
        state.press("g")
        #expect(state.lines.last?.hasPrefix("g …") == true)
        state.press("j")
        // g alone ran (top), then j moved down one.
        #expect(state.lines.last?.hasSuffix("2/5") == true)
    }

    @Test("A screen section overrides the global one, and none unbinds")
    func overrides() {
        var keymap = Keymap.defaults
        keymap.bind(Self.keys("C-r"), to: [.reloadAll], in: nil)
        keymap.bind(Self.keys("n"), to: [], in: .articles)
        #expect(keymap.resolve(Self.keys("C-r"), on: .feeds) == .actions([.reloadAll]))
        #expect(keymap.resolve(Self.keys("C-r"), on: .help) == .unbound, "reload-all does not apply there")
        #expect(keymap.resolve(Self.keys("n"), on: .articles) == .unbound)
        #expect(keymap.resolve(Self.keys("n"), on: .article) == .actions([.nextUnread]))
    }

    @Test("Key names read and print the way config files spell them")
    func names() {
        for name in ["j", "G", "C-r", "M-x", "Enter", "F5", "PgDn", "PgUp", "Space", "Esc", "Home", "?", "#", "/"] {
            #expect(KeyEvent(name: name)?.name == name)
        }
        #expect(KeyEvent(name: "C-R") == KeyEvent.control("r"))
        #expect(KeyEvent(name: "pagedown") == KeyEvent(.pageDown))
        #expect(KeyEvent(name: "C-") == nil)
        #expect(KeyEvent(name: "Fnord") == nil)
        #expect(KeyEvent.sequence(named: "g g") == [.character("g"), .character("g")])
        #expect(KeyEvent.sequence(named: "") == nil)
    }

    @Test("A list of actions runs in order")
    func actionLists() {
        var keymap = Keymap.defaults
        keymap.bind(Self.keys("x"), to: [.toggleRead, .down], in: .articles)
        var state = ArticleListScreenTests.openList()
        state.keymap = keymap
        #expect(state.press("x") == [.setRead([FeedModelIDs.first], true)])
        #expect(state.lines.last?.hasSuffix("2/3") == true)
    }
}

import FeedModel
enum FeedModelIDs { static let first = ArticleID(11) }
