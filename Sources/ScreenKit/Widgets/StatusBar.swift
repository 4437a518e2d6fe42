/// One line: text on the left, cut with `…` when needed, and text on the right that keeps its place.
public enum StatusBar {
    public static func draw(left: String, right: String, in rect: Rect, on canvas: inout Canvas,
                            style: Style, leftStyle: Style? = nil) {
        canvas.fill(rect, style: style)
        guard !rect.isEmpty else { return }
        let right = ScreenText.sanitized(right)
        var rightWidth = DisplayWidth.of(right)
        // The right part gives way first on tiny screens, then the left part is cut.
        if rightWidth > rect.width / 2 { rightWidth = 0 }
        let leftRoom = rect.width - (rightWidth > 0 ? rightWidth + 1 : 0)
        let shown = DisplayWidth.truncate(ScreenText.sanitized(left), toWidth: leftRoom)
        canvas.put(shown, x: rect.x, y: rect.y, style: leftStyle ?? style, maxWidth: leftRoom)
        if rightWidth > 0 {
            canvas.put(right, x: rect.x + rect.width - rightWidth, y: rect.y, style: style, maxWidth: rightWidth)
        }
    }
}
