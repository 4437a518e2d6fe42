/// Why a file could not be read as OPML, on one line naming the file.
public struct OPMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
