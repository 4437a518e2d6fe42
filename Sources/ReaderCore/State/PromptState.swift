import FeedModel
import Localization
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

    public func label(_ catalogue: Catalogue) -> String {
        switch kind {
        case .search: return catalogue.tr("Search: ")
        case .linkNumber: return catalogue.tr("Open link number: ")
        case .confirmMarkRead(.everything): return catalogue.tr("Mark every article in every feed read? (y/n) ")
        case .confirmMarkRead(.feed(_, let title)): return catalogue.tr("Mark every article of %s read? (y/n) ", title)
        case .confirmMarkRead(.articles(let ids, let title)):
            return catalogue.trn("Mark the unread article of %2$s read? (y/n) ", "Mark the %1$d unread articles of %2$s read? (y/n) ",
                                 ids.count, ids.count, title)
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
