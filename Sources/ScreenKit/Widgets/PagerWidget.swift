/// Draws laid-out lines from a scroll offset; a theme function turns each span's roles into a style.
public enum PagerWidget {
    public static func draw(_ lines: [StyledLine], offset: Int, in rect: Rect, on canvas: inout Canvas,
                            background: Style, style: (TextRoles) -> Style) {
        canvas.fill(rect, style: background)
        guard !rect.isEmpty else { return }
        for row in 0..<rect.height {
            let index = offset + row
            guard index >= 0, index < lines.count else { break }
            canvas.put(lines[index], x: rect.x, y: rect.y + row, maxWidth: rect.width, style: style)
        }
    }

    /// The largest offset that still fills the window (0 for short texts).
    public static func maxOffset(lineCount: Int, height: Int) -> Int { max(0, lineCount - max(1, height)) }
}
