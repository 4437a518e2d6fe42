import FeedModel
import ScreenKit

/// Everything that can happen to the reader: input, and the answers to effects.
public enum Message: Hashable, Sendable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    case resize(Size)

    case feedsLoaded([FeedSummary])
    case articlesLoaded(requestID: Int, [ArticleSummary], isLast: Bool)
    case searchLoaded(requestID: Int, [SearchHit])
    case articleLoaded(requestID: Int, Article?)
    /// The answer to `Effect.findUnread`: the article to open, or nil when there is none.
    case unreadFound(requestID: Int, ArticleSummary?)
    /// Statuses changed in the store (mark read, star…): counts are stale.
    case statusesChanged
    /// Another process wrote the store (`qnread reload` from cron): counts and lists are stale.
    case storeChanged

    case reloadProgress(ReloadProgress)
    case reloadFinished(ReloadProgress)
    /// The periodic reload is due.
    case reloadDue

    case enclosuresLoaded(requestID: Int, [EnclosureItem])
    /// How many episodes (articles with enclosures) the store holds, and how many have none queued (asked with the
    /// feed list).
    case enclosureCounts(total: Int, new: Int)
    /// How many enclosures `d` queued (0: all were done or queued already).
    case downloadsQueued(Int)
    case downloadProgress(DownloadProgress)
    case downloadsFinished(DownloadProgress)

    /// An effect could not be carried out; the text is shown in the status bar.
    case failed(String)
    case info(String)
}
