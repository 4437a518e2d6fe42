/// One terminal cell. A wide character fills its cell and marks the next one as its tail.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// The right half of a wide character drawn in the cell before; the backend never writes it.
    public var isWideTail: Bool

    public init(_ character: Character = " ", style: Style = .plain, isWideTail: Bool = false) {
        self.character = character
        self.style = style
        self.isWideTail = isWideTail
    }
}
