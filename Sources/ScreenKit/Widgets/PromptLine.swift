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
