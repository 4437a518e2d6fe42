import Foundation
import Localization

/// A feed made of stored articles rather than fetched, written in the feeds file as its URL:
/// newsboat's `query:NAME:FILTER` (the articles a filter matches) and our `search:NAME:WORDS` (a saved full-text
/// search). The name runs to the second colon; everything after it is the filter or the search.
public struct QueryFeed: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case filter(FilterExpression)
        /// Search words as `qnread search` takes them; FeedStorage parses them.
        case search(String)
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Whether `url` is a query or search feed's (nothing is fetched for it).
    public static func isQuery(_ url: String) -> Bool {
        url.hasPrefix("query:") || url.hasPrefix("search:")
    }

    /// Reads a query feed's URL; nil when `url` is an ordinary feed's. Throws a one-line reason when it is a
    /// query feed that cannot be used (no name, a filter that does not parse).
    public init?(url: String) throws(QueryFeedError) {
        let isFilter = url.hasPrefix("query:")
        guard isFilter || url.hasPrefix("search:") else { return nil }
        let body = url.drop { $0 != ":" }.dropFirst()
        guard let colon = body.firstIndex(of: ":") else {
            throw QueryFeedError(isFilter ? Words(N_("a query feed is written query:NAME:FILTER"))
                                 : Words(N_("a search feed is written search:NAME:WORDS")))
        }
        name = body[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = String(body[body.index(after: colon)...])
        guard !name.isEmpty else {
            throw QueryFeedError(isFilter ? Words(N_("query feed without a name")) : Words(N_("search feed without a name")))
        }
        if isFilter {
            do throws(FilterError) {
                kind = .filter(try FilterExpression(parsing: rest))
            } catch {
                throw QueryFeedError(Words(N_("query feed “%s”: %s"), arguments: [.text(name), .words(error.words)]))
            }
        } else {
            guard rest.contains(where: { !$0.isWhitespace }) else {
                throw QueryFeedError(Words(N_("search feed “%s” has no words"), name))
            }
            kind = .search(rest)
        }
    }
}

/// Why a `query:` or `search:` line cannot be used, worded where it is shown.
public struct QueryFeedError: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public var words: Words
    public init(_ words: Words) { self.words = words }

    public var description: String { words.description }
    public func text(in catalogue: Catalogue) -> String { words.text(in: catalogue) }
}
