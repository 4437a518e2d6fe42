// Key names as config files and the help screen spell them: `j`, `G`, `C-r`, `M-x`, `Enter`, `F5`, `PgDn`.
// A sequence is names separated by spaces: `g g`.

extension KeyEvent {
    private static let named: [(String, Key)] = [
        ("Enter", .enter), ("Tab", .tab), ("Backspace", .backspace), ("Esc", .escape), ("Del", .delete),
        ("Ins", .insert), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("Home", .home),
        ("End", .end), ("PgUp", .pageUp), ("PgDn", .pageDown), ("Space", .character(" ")),
    ]
    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "delete": .delete, "insert": .insert, "pageup": .pageUp,
        "pagedown": .pageDown, "bs": .backspace,
    ]

    /// Reads one key name; nil when it names no key.
    public init?(name: String) {
        var rest = Substring(name)
        var modifiers: Modifiers = []
        while rest.count > 2, rest.dropFirst().first == "-" {
            switch rest.first {
            case "C", "c": modifiers.insert(.control)
            case "M", "m", "A", "a": modifiers.insert(.meta)
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        guard let key = KeyEvent.key(named: String(rest)) else { return nil }
        if modifiers.contains(.control), case .character(let c) = key {
            // Terminals cannot tell C-A from C-a.
            self.init(.character(Character(c.lowercased())), modifiers: modifiers)
        } else {
            self.init(key, modifiers: modifiers)
        }
    }

    private static func key(named name: String) -> Key? {
        if name.count == 1, let c = name.first { return .character(c) }
        if let hit = named.first(where: { $0.0.lowercased() == name.lowercased() }) { return hit.1 }
        if let key = aliases[name.lowercased()] { return key }
        if name.first == "F" || name.first == "f", let n = Int(name.dropFirst()), (1...24).contains(n) {
            return .function(n)
        }
        return nil
    }

    /// The name a config file would use for this key.
    public var name: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "C-" }
        if modifiers.contains(.meta) { prefix += "M-" }
        switch key {
        case .character(" "): return prefix + "Space"
        case .character(let c): return prefix + String(c)
        case .function(let n): return prefix + "F\(n)"
        default: return prefix + (KeyEvent.named.first { $0.1 == key }?.0 ?? "?")
        }
    }

    /// Reads `g g` into two keys; nil when any name is unknown or the sequence is empty.
    public static func sequence(named text: String) -> [KeyEvent]? {
        let names = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !names.isEmpty else { return text == " " ? [.character(" ")] : nil }
        var keys: [KeyEvent] = []
        for name in names {
            guard let key = KeyEvent(name: String(name)) else { return nil }
            keys.append(key)
        }
        return keys
    }

    public static func name(of sequence: [KeyEvent]) -> String { sequence.map(\.name).joined(separator: " ") }
}
