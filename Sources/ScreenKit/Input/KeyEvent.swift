/// A key the reader pressed, decoded by the backend.
public struct KeyEvent: Hashable, Sendable {
    public enum Key: Hashable, Sendable {
        /// A printable character (case kept: `G` is not `g`).
        case character(Character)
        case enter, tab, backspace, escape, delete, insert
        case up, down, left, right, home, end, pageUp, pageDown
        case function(Int)
    }

    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let control = Modifiers(rawValue: 1)
        public static let meta = Modifiers(rawValue: 2)
    }

    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    public static func character(_ character: Character, modifiers: Modifiers = []) -> KeyEvent {
        KeyEvent(.character(character), modifiers: modifiers)
    }

    /// Ctrl plus a letter, as the terminal sends it (C-l is 0x0C).
    public static func control(_ letter: Character) -> KeyEvent { KeyEvent(.character(letter), modifiers: .control) }

    /// The character typed, when this is plain typing (for prompts).
    public var typedCharacter: Character? {
        guard modifiers.isEmpty, case .character(let c) = key else { return nil }
        return c
    }
}
