import FeedModel
import ScreenKit

/// A question on the bottom line. It is state, not a nested loop: each key is one more message.
public struct PromptState: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case search
        case linkNumber
        /// y confirms, anything else cancels.
        case confirmMarkAllRead
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
        case .confirmMarkAllRead: return "Mark every article in every feed read? (y/n) "
        }
    }
}
