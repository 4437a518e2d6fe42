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

/// Draws `prompt` then the edited text, scrolled so the cursor stays visible; returns where the cursor goes.
public enum PromptLine {
    @discardableResult
    public static func draw(prompt: String, editor: LineEditor, in rect: Rect, on canvas: inout Canvas,
                            style: Style) -> Point? {
        canvas.fill(rect, style: style)
        guard !rect.isEmpty else { return nil }
        let promptWidth = canvas.put(prompt, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        let room = rect.width - promptWidth - 1
        guard room > 0 else { return nil }
        let characters = Array(editor.text)
        var start = 0
        func width(_ from: Int, _ to: Int) -> Int { characters[from..<to].reduce(0) { $0 + DisplayWidth.of($1) } }
        while width(start, editor.cursor) > room { start += 1 }
        let visible = String(characters[start...])
        canvas.put(visible, x: rect.x + promptWidth, y: rect.y, style: style, maxWidth: room)
        return Point(x: rect.x + promptWidth + width(start, editor.cursor), y: rect.y)
    }
}
