/// The text typed into a prompt and the cursor in it (counted in characters).
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: String
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public enum Outcome: Hashable, Sendable { case editing, submitted, cancelled }

    /// Applies one key: typing, Backspace, Del, arrows, Home/End, C-u (clear); Enter submits, Esc or C-g cancels.
    public mutating func handle(_ key: KeyEvent) -> Outcome {
        if let c = key.typedCharacter {
            guard ScreenText.isDrawable(c) else { return .editing }
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: index)
            cursor += 1
            return .editing
        }
        switch (key.key, key.modifiers) {
        case (.enter, _): return .submitted
        case (.escape, _), (.character("g"), .control), (.character("c"), .control): return .cancelled
        case (.backspace, _), (.character("h"), .control):
            if cursor > 0 {
                text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
                cursor -= 1
            }
        case (.delete, _):
            if cursor < text.count { text.remove(at: text.index(text.startIndex, offsetBy: cursor)) }
        case (.left, _): cursor = max(0, cursor - 1)
        case (.right, _): cursor = min(text.count, cursor + 1)
        case (.home, _), (.character("a"), .control): cursor = 0
        case (.end, _), (.character("e"), .control): cursor = text.count
        case (.character("u"), .control):
            text = ""
            cursor = 0
        default: break
        }
        return .editing
    }
}
