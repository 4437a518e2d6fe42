/// Cells to write on one row, all in one style, left to right from `x`.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var style: Style
    /// The characters to write; wide tails are left out, the terminal advances over them itself.
    public var text: String
    /// Columns the run covers.
    public var width: Int

    public init(x: Int, y: Int, style: Style, text: String, width: Int) {
        self.x = x
        self.y = y
        self.style = style
        self.text = text
        self.width = width
    }
}

/// What changed between two frames, so the backend writes only those cells.
public enum CanvasDiff {
    /// Runs that turn `old` into `new`; every cell when there is no old frame or its size differs.
    public static func runs(from old: Canvas?, to new: Canvas) -> [CellRun] {
        let full = old.map { $0.size != new.size } ?? true
        var runs: [CellRun] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard full || old![x, y] != new[x, y] else { x += 1; continue }
                // A run never starts on a wide tail: start at its head.
                if new[x, y].isWideTail, x > 0 { x -= 1 }
                let style = new[x, y].style
                var run = CellRun(x: x, y: y, style: style, text: "", width: 0)
                repeat {
                    if !new[x, y].isWideTail { run.text.append(new[x, y].character) }
                    run.width += 1
                    x += 1
                } while x < new.width && new[x, y].style == style
                    && (full || old![x, y] != new[x, y] || new[x, y].isWideTail)
                runs.append(run)
            }
        }
        return runs
    }
}
