import FeedModel
import ReaderCore
import ScreenKit
import Testing

// newsboat's macros: the prefix (`,`), then a key that runs a list of actions.

@Suite("Macros")
struct MacroTests {
    static var keymap: Keymap {
        var keymap = Keymap.defaults
        keymap.bindMacro(KeyEvent.character("v"), to: [.openInBrowser, .toggleRead])
        keymap.bindMacro(KeyEvent.character("x"), to: [.toggleStar, .down])
        return keymap
    }

    static func list() -> AppState {
        var state = Fixture.reader(keymap: keymap)
        let id = AppState.requestID(in: state.press("j", "j", "Enter"))!
        _ = state.update(.articlesLoaded(requestID: id, Fixture.page, isLast: true))
        return state
    }

    @Test(", then a macro key runs its actions in order")
    func runsActions() {
        var state = Self.list()
        #expect(state.press(",").isEmpty)
        #expect(state.lines.last?.hasPrefix("Macro: v x (Esc cancels)") == true)
        #expect(state.press("v") == [.openURL("https://quebec.example/11"), .setRead([ArticleID(11)], true)])
        #expect(state.press(",", "x") == [.setStarred(ArticleID(11), true)])
        #expect(state.lines.last?.hasSuffix("2/3") == true, "then down")
    }

    @Test("Actions that do not apply to the screen are skipped, as newsboat does")
    func skipsWhatDoesNotApply() {
        var state = Fixture.reader(keymap: Self.keymap)
        state.press("j", "j")
        #expect(state.press(",", "v") == [.openURL("https://quebec.example/")], "toggle-read means nothing on the feed list")
    }

    @Test("An unknown macro key says so; Esc cancels; without macros the prefix says where they come from")
    func unknownAndCancel() {
        var state = Self.list()
        #expect(state.press(",", "z").isEmpty)
        #expect(state.lines.last?.hasPrefix("No macro on z") == true)
        #expect(state.press(",", "Esc").isEmpty)
        #expect(state.press("j").isEmpty && state.lines.last?.hasSuffix("2/3") == true, "keys work again after Esc")
        var plain = Fixture.reader()
        plain.press(",")
        #expect(plain.lines.last?.hasPrefix("No macro: config.toml's [macros] binds them") == true)
    }

    @Test("Help lists the macros behind the prefix, with their actions and help")
    func listedInHelp() {
        var state = Self.list()
        state.press("?", "G")
        #expect(state.lines.contains("Macros"))
        #expect(state.lines.contains { $0.hasPrefix("  , v") && $0.contains("open-in-browser, toggle-read") })
        let listing = KeyListing(macrosOf: Self.keymap, on: .article)
        #expect(listing.rows.map(\.keys) == [", v", ", x"])
        #expect(listing.rows[0].help.hasPrefix("Open in the browser"))
        #expect(listing.rows[0].help.hasSuffix(", then Toggle read/unread"))
    }
}
