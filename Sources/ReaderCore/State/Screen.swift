import FeedModel
import ScreenKit

/// A screen above the feed list (which is always at the bottom of the stack).
public enum Screen: Hashable, Sendable {
    case articles(ArticleListState)
    case article(PagerState)
    case help(HelpState)
    case tags(ListState)
    case enclosures(EnclosureListState)
}

public struct HelpState: Hashable, Sendable {
    /// The screen whose bindings are listed.
    public var about: ScreenKind
    public var offset = 0

    public init(about: ScreenKind) { self.about = about }
}

/// One row of the tag chooser: every feed, or one tag, with the unread and total counts of its feeds.
public struct TagRow: Hashable, Sendable {
    /// nil is the row that shows every feed.
    public var tag: String?
    public var unreadCount: Int
    public var totalCount: Int
}

/// One row of the feed list.
public enum FeedRow: Hashable, Sendable {
    case all, starred
    /// Podcasts: shown once the store holds an enclosure.
    case enclosures
    case feed(FeedSummary)
}
