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
    /// Hands the terminal to `command`, the article's text (`AppState.articleText`) on its standard input.
    case pipeArticle(ArticleID, command: [String], width: Int)
    /// Writes the article's text, laid out `width` columns wide, into a new file in `directory`, named after its title.
    case saveArticle(ArticleID, directory: String, width: Int)
    /// Runs `command` in the background with `AppState.bookmarkArguments` of the article after it.
    case bookmarkArticle(ArticleID, command: [String])
    /// Reads the Enclosures screen's rows (`Message.enclosuresLoaded`).
    case loadEnclosures(requestID: Int)
    /// Queues the target's enclosures for download and starts the background download (`Message.downloadsQueued`).
    case queueDownloads(DownloadTarget)
    /// Hands the terminal to `player` with the target's downloaded file.
    case play(DownloadTarget, player: [String])
    /// Puts the text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Announce new articles through the terminal: a desktop notification (OSC 777, OSC 9) and/or its bell.
    case notifyTerminal(String, notification: Bool, bell: Bool)
    /// Forget the screen and draw it again in full.
    case redraw
    case quit
}
