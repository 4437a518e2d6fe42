import FeedModel

/// What `update` asks the runtime to do. Plain data: the runtime performs it and answers with a Message.
public enum Effect: Hashable, Sendable {
    case loadFeeds
    case loadArticles(requestID: Int, ArticleQuery)
    case search(requestID: Int, query: String, feed: FeedID?, limit: Int)
    case loadArticle(requestID: Int, ArticleID)
    case findUnread(requestID: Int, UnreadQuery)
    case setRead([ArticleID], Bool)
    case setStarred(ArticleID, Bool)
    case markFeedRead(FeedID)
    case markAllRead
    /// nil reloads every feed.
    case reload([FeedID]?)
    /// Hands the terminal to the browser for this URL.
    case openURL(String)
    /// Forget the screen and draw it again in full.
    case redraw
    case quit
}
