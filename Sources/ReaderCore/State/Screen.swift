import FeedModel

/// A screen above the feed list (which is always at the bottom of the stack).
public enum Screen: Hashable, Sendable {
    case articles(ArticleListState)
    case article(PagerState)
    case help(HelpState)
}

public struct HelpState: Hashable, Sendable {
    /// The screen whose bindings are listed.
    public var about: ScreenKind
    public var offset = 0

    public init(about: ScreenKind) { self.about = about }
}

/// One row of the feed list.
public enum FeedRow: Hashable, Sendable {
    case all, starred
    case feed(FeedSummary)
}
