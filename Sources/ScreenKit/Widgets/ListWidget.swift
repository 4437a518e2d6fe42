/// Draws the visible rows of a list into a rectangle; the caller draws each row's content.
public enum ListWidget {
    /// Calls `row(index, rowRect, isSelected, &canvas)` for each visible row, top to bottom, after painting
    /// the rectangle with `background` and the selected row with `selected`.
    public static func draw(count: Int, state: ListState, in rect: Rect, on canvas: inout Canvas,
                            background: Style, selected: Style,
                            row: (Int, Rect, Bool, inout Canvas) -> Void) {
        canvas.fill(rect, style: background)
        guard !rect.isEmpty else { return }
        for line in 0..<rect.height {
            let index = state.offset + line
            guard index < count else { break }
            let rowRect = rect.row(line)
            let isSelected = index == state.selection
            if isSelected { canvas.fill(rowRect, style: selected) }
            row(index, rowRect, isSelected, &canvas)
        }
    }

    /// The list row under screen row `y`, if any.
    public static func index(atScreenRow y: Int, state: ListState, in rect: Rect, count: Int) -> Int? {
        guard y >= rect.y, y < rect.maxY else { return nil }
        let index = state.offset + (y - rect.y)
        return index < count ? index : nil
    }
}
