import FeedModel
import ScreenKit

/// An article list on the screen stack: what has been loaded so far and where the reader is in it.
public struct ArticleListState: Hashable, Sendable {
    public var source: ArticleSource
    public var title: String
    public var items: [ArticleSummary] = []
    /// Search snippets, by article.
    public var snippets: [ArticleID: [SnippetSegment]] = [:]
    public var list = ListState()
    public var isLoading = true
    /// The store has no more rows after the last loaded one.
    public var isComplete = false
    /// The load this list waits for; answers to older requests are dropped.
    public var requestID: Int
    /// The article to select once its page arrives (the list went behind an article `n` found in another feed).
    public var pendingSelection: ArticleID?
    /// The load under way reads the list again from its top (the store changed): its rows replace these, and
    /// the article selected before is selected again if it is still there.
    public var refresh: Refresh?

    public struct Refresh: Hashable, Sendable {
        public var selected: ArticleID?
    }

    public init(source: ArticleSource, title: String, requestID: Int) {
        self.source = source
        self.title = title
        self.requestID = requestID
    }

    public var selected: ArticleSummary? { items.indices.contains(list.selection) ? items[list.selection] : nil }

    public var kind: ScreenKind {
        if case .search = source { return .search }
        return .articles
    }
}
