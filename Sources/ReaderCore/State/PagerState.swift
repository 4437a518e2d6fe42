import ArticleText
import FeedModel
import ScreenKit

/// The article pager: the article once loaded, its lines laid out for the current width, and the scroll.
public struct PagerState: Hashable, Sendable {
    public var articleID: ArticleID
    public var article: Article?
    public var document: ArticleDocument?
    public var lines: [StyledLine] = []
    public var layoutWidth = 0
    /// Link number → URL: the article's links, then its enclosures.
    public var targets: [Int: String] = [:]
    /// The line where the numbered links start, if there are any.
    public var linksLine: Int?
    public var offset = 0
    public var requestID: Int

    public init(articleID: ArticleID, requestID: Int) {
        self.articleID = articleID
        self.requestID = requestID
    }
}
