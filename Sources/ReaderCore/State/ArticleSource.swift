import FeedModel
import Foundation

/// Which articles a list shows.
public enum ArticleSource: Hashable, Sendable {
    case all
    case starred
    case feed(FeedID)
    /// Every feed carrying the tag (the feed list's "All articles" while a tag filter is on).
    case tag(String)
    /// Full-text search, limited to one feed when opened from that feed's list.
    case search(query: String, feed: FeedID?)

    /// Lists that mix feeds show each article's feed.
    public var isMerged: Bool {
        if case .feed = self { return false }
        return true
    }

    public var feedID: FeedID? {
        switch self {
        case .feed(let id): return id
        case .search(_, let feed): return feed
        default: return nil
        }
    }
}

/// One page of a list, newest first.
public struct ArticleQuery: Hashable, Sendable {
    public var source: ArticleSource
    public var unreadOnly: Bool
    public var after: ArticleCursor?
    public var limit: Int

    public init(source: ArticleSource, unreadOnly: Bool, after: ArticleCursor?, limit: Int) {
        self.source = source
        self.unreadOnly = unreadOnly
        self.after = after
        self.limit = limit
    }
}

public enum Direction: Hashable, Sendable { case older, newer }

/// Finding the next unread article from a position, in list order.
public struct UnreadQuery: Hashable, Sendable {
    public var source: ArticleSource
    /// nil starts from the newest end.
    public var from: ArticleCursor?
    public var direction: Direction

    public init(source: ArticleSource, from: ArticleCursor?, direction: Direction) {
        self.source = source
        self.from = from
        self.direction = direction
    }
}
