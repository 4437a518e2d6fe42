import Localization
import ScreenKit

/// The bindings in effect on a screen, one row per action (or action list), in action-table order.
/// The help screen and `qnread keys` both print these, so neither can drift from the keymap.
public struct KeyListing: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var keys: String
        public var actions: String
        public var help: String
    }

    public var screen: ScreenKind
    public var rows: [Row]

    public init(keymap: Keymap, screen: ScreenKind, catalogue: Catalogue = .english) {
        self.screen = screen
        var byActions: [[Action]: [[KeyEvent]]] = [:]
        for (keys, actions) in keymap.bindings(on: screen) { byActions[actions, default: []].append(keys) }
        func order(_ actions: [Action]) -> (Int, Int, String) {
            let index = ActionTable.entries.firstIndex { $0.action == actions[0] } ?? 0
            return (index, actions.count, actions.map(\.rawValue).joined())
        }
        rows = byActions.keys.sorted { order($0) < order($1) }.map { actions in
            let defaults = ActionTable.entry(for: actions[0]).keys
            func rank(_ keys: [KeyEvent]) -> (Int, String) {
                let name = KeyEvent.name(of: keys)
                return (defaults.firstIndex(of: name) ?? defaults.count, name)
            }
            let keys = byActions[actions]!.sorted { rank($0) < rank($1) }.map(KeyEvent.name(of:))
            return Row(keys: keys.joined(separator: ", "), actions: actions.map(\.rawValue).joined(separator: ", "),
                       help: Self.help(for: actions, catalogue))
        }
    }

    /// `[macros]`, each behind the macro prefix in effect on `screen`; none when no key is the prefix there.
    public init(macrosOf keymap: Keymap, on screen: ScreenKind, catalogue: Catalogue = .english) {
        self.screen = screen
        guard let prefix = keymap.keys(for: .macroPrefix, on: screen).first else {
            rows = []
            return
        }
        rows = keymap.macros.sorted { $0.key.name < $1.key.name }.map { key, actions in
            Row(keys: KeyEvent.name(of: prefix + [key]), actions: actions.map(\.rawValue).joined(separator: ", "),
                help: Self.help(for: actions, catalogue))
        }
    }

    /// An action's help, or a list's in order.
    private static func help(for actions: [Action], _ catalogue: Catalogue) -> String {
        actions.map { catalogue.tr(ActionTable.entry(for: $0).help) }.joined(separator: catalogue.tr(", then "))
    }

    /// Aligned text lines: keys, action names, help.
    public var textLines: [String] {
        let keysWidth = min(18, rows.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let actionsWidth = min(24, rows.map { DisplayWidth.of($0.actions) }.max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text) + 1))
        }
        return rows.map { "  " + pad($0.keys, keysWidth) + pad($0.actions, actionsWidth) + $0.help }
    }
}
