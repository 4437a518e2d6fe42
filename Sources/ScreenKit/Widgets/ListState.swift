/// A list's whole state: which row is selected and which row is at the top. Nothing else.
public struct ListState: Hashable, Sendable {
    public var selection: Int
    public var offset: Int

    public init(selection: Int = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, kept inside `0..<count`.
    public mutating func move(by delta: Int, count: Int, height: Int) {
        select(selection + delta, count: count, height: height)
    }

    /// Selects `row` (clamped) and scrolls so it shows in a window of `height` rows.
    public mutating func select(_ row: Int, count: Int, height: Int) {
        selection = count == 0 ? 0 : min(max(0, row), count - 1)
        scrollToSelection(count: count, height: height)
    }

    /// Scrolls the least needed to show the selection; also fixes the offset after the count or height shrank.
    public mutating func scrollToSelection(count: Int, height: Int) {
        let height = max(1, height)
        selection = count == 0 ? 0 : min(max(0, selection), count - 1)
        if selection < offset { offset = selection }
        if selection >= offset + height { offset = selection - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }

    /// Scrolls the window by `delta` rows without losing the selection from view.
    public mutating func scroll(by delta: Int, count: Int, height: Int) {
        let height = max(1, height)
        offset = max(0, min(offset + delta, max(0, count - height)))
        if selection < offset { selection = offset }
        if selection >= offset + height { selection = offset + height - 1 }
        selection = count == 0 ? 0 : min(selection, count - 1)
    }
}
