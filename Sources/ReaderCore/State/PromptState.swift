import FeedModel
import ScreenKit

/// A question on the bottom line. It is state, not a nested loop: each key is one more message.
public struct PromptState: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case search
        case linkNumber
        /// y confirms, anything else cancels (A and C both ask, as newsboat does by default).
        case confirmMarkRead(ReadMarking)
    }

    public var kind: Kind
    public var editor = LineEditor()
    /// A search started from a feed's article list stays inside that feed.
    public var searchFeed: FeedID?

    public init(kind: Kind, searchFeed: FeedID? = nil) {
        self.kind = kind
        self.searchFeed = searchFeed
    }

    public var label: String {
        switch kind {
        case .search: return "Search: "
        case .linkNumber: return "Open link number: "
        case .confirmMarkRead(.everything): return "Mark every article in every feed read? (y/n) "
        case .confirmMarkRead(.feed(_, let title)): return "Mark every article of \(title) read? (y/n) "
        case .confirmMarkRead(.articles(let ids, let title)):
            return "Mark the \(ids.count == 1 ? "unread article" : "\(ids.count) unread articles") of \(title) read? (y/n) "
        }
    }
}

/// What a confirmed mark-read marks.
public enum ReadMarking: Hashable, Sendable {
    case everything
    case feed(FeedID, title: String)
    /// The unread rows loaded in a list that is not one feed (starred, a tag, search results).
    case articles([ArticleID], title: String)
}
