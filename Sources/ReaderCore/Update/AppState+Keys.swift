import Foundation
import ScreenKit

// Keys and mouse → actions, through the keymap. Prompts take keys first; the pager collects link digits.

extension AppState {
    mutating func handleKey(_ key: KeyEvent) -> [Effect] {
        if prompt != nil { return handlePromptKey(key) }
        status = nil
        if awaitsMacroKey { return runMacro(key) }
        let screen = screenKind
        if screen == .article, pendingKeys.isEmpty {
            if let c = key.typedCharacter, c.isASCII, c.isNumber, keymap.resolve([key], on: .article) == .unbound {
                pendingNumber.append(c)
                status = StatusMessage(catalogue.tr("Link %s… (Enter opens it)", pendingNumber))
                return []
            }
            if !pendingNumber.isEmpty, key == KeyEvent(.enter) {
                let number = Int(pendingNumber) ?? 0
                pendingNumber = ""
                return openLink(number)
            }
        }
        pendingNumber = ""
        pendingKeys.append(key)
        switch keymap.resolve(pendingKeys, on: screen) {
        case .actions(let actions):
            pendingKeys = []
            return run(actions)
        case .needMore:
            status = StatusMessage(KeyEvent.name(of: pendingKeys) + " …")
            return []
        case .unbound:
            guard pendingKeys.count > 1 else {
                pendingKeys = []
                return []
            }
            // A prefix that is a binding of its own runs when the next key does not continue it.
            let prefix = Array(pendingKeys.dropLast())
            pendingKeys = []
            var effects: [Effect] = []
            if case .needMore(let exact?) = keymap.resolve(prefix, on: screen) { effects += run(exact) }
            return effects + handleKey(key)
        }
    }

    private mutating func runMacro(_ key: KeyEvent) -> [Effect] {
        awaitsMacroKey = false
        guard key != KeyEvent(.escape) else { return [] }
        guard let actions = keymap.macros[key] else {
            status = StatusMessage(catalogue.tr("No macro on %s", key.name), isError: true)
            return []
        }
        return run(actions)
    }

    mutating func run(_ actions: [Action]) -> [Effect] {
        var effects: [Effect] = []
        for action in actions where isRunning { effects += perform(action) }
        return effects
    }

    private mutating func handlePromptKey(_ key: KeyEvent) -> [Effect] {
        guard var prompt else { return [] }
        if case .confirmMarkRead(let marking) = prompt.kind {
            self.prompt = nil
            // y always confirms (scripts and fingers expect it); the language's own yes letter too (French: o).
            let yes = catalogue.tr("y").lowercased()
            guard let typed = key.typedCharacter.map({ String($0).lowercased() }), typed == "y" || typed == yes else {
                status = StatusMessage(catalogue.tr("Nothing marked"))
                return []
            }
            return markRead(marking)
        }
        switch prompt.editor.handle(key) {
        case .editing:
            self.prompt = prompt
            return []
        case .cancelled:
            self.prompt = nil
            return []
        case .submitted:
            self.prompt = nil
            let text = prompt.editor.text.trimmingCharacters(in: .whitespaces)
            switch prompt.kind {
            case .search:
                guard !text.isEmpty else { return [] }
                return openSearch(text, feed: prompt.searchFeed)
            case .linkNumber:
                return openLink(Int(text) ?? 0)
            case .confirmMarkRead:
                return []
            }
        }
    }

    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        guard settings.mouse, prompt == nil else { return [] }
        switch mouse.kind {
        case .wheelUp: return run([.up, .up, .up])
        case .wheelDown: return run([.down, .down, .down])
        case .click, .doubleClick:
            let content = Rect(x: 0, y: 1, width: size.width, height: contentHeight)
            guard let count = currentListCount, let state = currentListState,
                  let row = ListWidget.index(atScreenRow: mouse.y, state: state, in: content, count: count) else { return [] }
            var effects = select(row)
            if mouse.kind == .doubleClick, settings.doubleClickOpens { effects += perform(.open) }
            return effects
        }
    }
}
