import FeedModel
import ReaderCore

/// What the reader needs from the store. FeedStorage's `FeedStore` conforms; calls are synchronous and made
/// from the main loop, so each must be quick (pages, never whole tables).
public protocol ReaderLibrary: Sendable {
    func feedSummaries() throws -> [FeedSummary]
    /// One page, newest first, strictly after `query.after`, at most `query.limit` rows.
    func articles(_ query: ArticleQuery) throws -> [ArticleSummary]
    func article(_ id: ArticleID) throws -> Article?
    /// The nearest unread article from `query.from` in `query.direction`, within the source.
    func unread(_ query: UnreadQuery) throws -> ArticleSummary?
    /// Ranked full-text hits, accent-blind, limited to one feed when `feed` is set.
    func search(_ text: String, feed: FeedID?, limit: Int) throws -> [SearchHit]
    func setRead(_ ids: [ArticleID], _ isRead: Bool) throws
    func setStarred(_ id: ArticleID, _ isStarred: Bool) throws
    /// Marks one feed read, or every feed when `feed` is nil.
    func markRead(feed: FeedID?) throws
    /// Enclosures across feeds, newest first, with their download state.
    func enclosures() throws -> [EnclosureItem]
    /// Episodes (articles with enclosures), and those with none queued or downloaded; asked at every feed-list load.
    func enclosureCounts() throws -> (total: Int, new: Int)
    /// Queues the target's enclosures that are new or failed; how many were queued, nil when it has no enclosure.
    func queueDownloads(_ target: DownloadTarget) throws -> Int?
    /// The target's first finished download still on disk.
    func downloadedFile(_ target: DownloadTarget) throws -> String?
    /// Changes when another process writes the store, never for this library's own writes; cheap enough to ask
    /// several times a second.
    func outsideChangeCount() throws -> Int
}
