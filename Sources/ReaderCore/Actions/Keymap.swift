import ScreenKit

/// What a run of keys means on a screen.
public enum KeyResolution: Hashable, Sendable {
    case actions([Action])
    /// The keys start a longer binding; `exact` is what they mean alone, run if the next key does not continue.
    case needMore(exact: [Action]?)
    case unbound
}

/// Key sequences → actions per screen. `[keys.global]` bindings apply everywhere the action does, and a
/// screen's own section overrides them (an empty list unbinds).
public struct Keymap: Hashable, Sendable {
    public typealias Sequence = [KeyEvent]
    public private(set) var global: [Sequence: [Action]]
    public private(set) var screens: [ScreenKind: [Sequence: [Action]]]
    /// `[macros]`: the key typed after `macro-prefix` → the actions it runs, on any screen (those that do not
    /// apply there are skipped, as in newsboat).
    public private(set) var macros: [KeyEvent: [Action]] = [:]

    public init(global: [Sequence: [Action]] = [:], screens: [ScreenKind: [Sequence: [Action]]] = [:]) {
        self.global = global
        self.screens = screens
    }

    /// An empty action list removes the macro.
    public mutating func bindMacro(_ key: KeyEvent, to actions: [Action]) {
        macros[key] = actions.isEmpty ? nil : actions
    }

    /// The bindings of the action table, before any config.
    public static let defaults: Keymap = {
        var map = Keymap()
        for entry in ActionTable.entries {
            for name in entry.keys {
                guard let keys = KeyEvent.sequence(named: name) else { continue }
                for screen in entry.screens { map.screens[screen, default: [:]][keys, default: []].append(entry.action) }
            }
        }
        return map
    }()

    /// `section` nil is `[keys.global]`. An empty action list unbinds.
    public mutating func bind(_ keys: Sequence, to actions: [Action], in section: ScreenKind?) {
        if let section {
            screens[section, default: [:]][keys] = actions
        } else {
            // A global binding replaces the same keys on every screen where its first action applies.
            global[keys] = actions
            for screen in ScreenKind.allCases where actions.isEmpty || actions.allSatisfy({ ActionTable.entry(for: $0).applies(to: screen) }) {
                screens[screen, default: [:]][keys] = nil
            }
        }
    }

    /// Every binding in effect on `screen`, an action list per key sequence.
    public func bindings(on screen: ScreenKind) -> [Sequence: [Action]] {
        var result: [Sequence: [Action]] = [:]
        for (keys, actions) in global where actions.allSatisfy({ ActionTable.entry(for: $0).applies(to: screen) }) {
            result[keys] = actions
        }
        for (keys, actions) in screens[screen] ?? [:] { result[keys] = actions }
        return result.filter { !$0.value.isEmpty }
    }

    public func resolve(_ keys: Sequence, on screen: ScreenKind) -> KeyResolution {
        let bound = bindings(on: screen)
        let exact = bound[keys]
        let longer = bound.keys.contains { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }
        if longer { return .needMore(exact: exact) }
        if let exact { return .actions(exact) }
        return .unbound
    }

    /// The key sequences that run `action` (alone) on `screen`, shortest first, for help and `qnread keys`.
    public func keys(for action: Action, on screen: ScreenKind) -> [Sequence] {
        let defaults = ActionTable.entry(for: action).keys
        func rank(_ keys: Sequence) -> (Int, Int, String) {
            let name = KeyEvent.name(of: keys)
            return (defaults.firstIndex(of: name) ?? defaults.count, keys.count, name)
        }
        return bindings(on: screen).filter { $0.value == [action] }.map(\.key).sorted { rank($0) < rank($1) }
    }
}
