/// Why bytes could not become a feed. The message names the input and the reason, on one line.
public struct FeedParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// "input: reason".
    public var message: String
    /// The reason alone ("not a feed: HTML page; it links to …"), for callers that name the input themselves.
    public var reason: String

    public init(_ message: String) {
        self.message = message
        self.reason = message
    }

    public init(input: String, reason: String) {
        self.message = "\(input): \(reason)"
        self.reason = reason
    }

    public var description: String { message }
}
