// A grid of cells that views draw into. Pure: no terminal here, so every screen can be tested as text.

public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (a prompt), or nil to hide it.
    public var cursor: Point?

    public init(width: Int, height: Int, fill: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(style: fill), count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var size: Size { Size(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Every row as text, with trailing spaces cut, for tests and `qnread` dumps.
    public var lines: [String] { (0..<height).map(line) }

    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isWideTail { text.append(self[x, y].character) }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Paints `rect` (clipped to the canvas) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let x0 = max(0, rect.x), x1 = min(width, rect.x + rect.width)
        let y0 = max(0, rect.y), y1 = min(height, rect.y + rect.height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { self[x, y] = Cell(style: style) }
        }
    }

    /// Writes `text` from (x, y), never past `maxWidth` columns nor the canvas edge; a wide character that would
    /// not fit is left out. Control and bidi-override characters are dropped. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + max(0, maxWidth ?? width))
        var column = x
        for character in text {
            let shown = ScreenText.isDrawable(character) ? character : (character == "\t" ? " " : nil)
            guard let shown else { continue }
            let columns = DisplayWidth.of(shown)
            if columns == 0 { continue }
            if column + columns > limit { break }
            if column >= 0 {
                place(shown, columns: columns, x: column, y: y, style: style)
            }
            column += columns
        }
        return max(0, column - x)
    }

    /// Writes styled spans from (x, y) within `maxWidth` columns; returns the columns written.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int, style: (TextRoles) -> Style) -> Int {
        var used = 0
        for span in line.spans where used < maxWidth {
            used += put(span.text, x: x + used, y: y, style: style(span.roles), maxWidth: maxWidth - used)
        }
        return used
    }

    private mutating func place(_ character: Character, columns: Int, x: Int, y: Int, style: Style) {
        // Never leave half a wide character behind: blank the other half of whatever is overwritten.
        if self[x, y].isWideTail, x > 0 { self[x - 1, y] = Cell(style: self[x - 1, y].style) }
        let end = x + columns - 1
        if end + 1 < width, self[end + 1, y].isWideTail { self[end + 1, y] = Cell(style: self[end + 1, y].style) }
        self[x, y] = Cell(character, style: style)
        if columns == 2 { self[x + 1, y] = Cell(" ", style: style, isWideTail: true) }
    }
}
