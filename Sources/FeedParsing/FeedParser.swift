import CLibXML2
import Foundation

/// Why bytes could not become a feed. The message names the input and the reason, on one line.
public struct FeedParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Bytes plus the URL they came from → `ParsedFeed`. (Skeleton: the parser issue fills this in.)
public struct FeedParser: Sendable {
    public init() {}

    public func parse(_ bytes: Data, url: URL?, httpCharset: String? = nil) throws -> ParsedFeed {
        throw FeedParseError("\(url?.absoluteString ?? "input"): the feed parser is not built yet")
    }
}

enum LibXML {
    /// Called once before any parse; libxml2 makes it idempotent.
    static func initialize() { xmlInitParser() }
}
