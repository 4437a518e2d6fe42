import FeedModel
import Foundation

/// How one feed's refresh ended, for progress lines, summaries and `feeds check`.
public struct FeedRefreshReport: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Parsed and stored: articles new and changed.
        case updated(new: Int, changed: Int)
        /// Nothing to parse (304, same bytes, same file).
        case unchanged(reason: String)
        /// Fetch, parse or store failed; the stored articles were left alone.
        case failed(message: String)
        /// The server said 410 Gone earlier: the feed is no longer fetched.
        case gone
    }

    public var url: String
    public var feedID: FeedID?
    public var status: Status
    public var httpStatus: Int?
    /// Fetch, parse and store, in seconds.
    public var duration: TimeInterval
    /// Items in the parsed feed, when it was parsed.
    public var itemCount: Int?
    /// The newest item date in the parsed feed.
    public var newestItem: Date?
    /// The parser's warnings (unparseable dates, recovered markup…).
    public var warnings: [String]
    /// The feed moved for good to this URL.
    public var movedTo: String?

    public init(url: String, feedID: FeedID? = nil, status: Status, httpStatus: Int? = nil, duration: TimeInterval = 0,
                itemCount: Int? = nil, newestItem: Date? = nil, warnings: [String] = [], movedTo: String? = nil) {
        self.url = url
        self.feedID = feedID
        self.status = status
        self.httpStatus = httpStatus
        self.duration = duration
        self.itemCount = itemCount
        self.newestItem = newestItem
        self.warnings = warnings
        self.movedTo = movedTo
    }

    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }

    public var newArticles: Int {
        if case .updated(let new, _) = status { return new }
        return 0
    }
}

/// Where a refresh stands, sent after every feed (serially, in completion order).
public struct RefreshProgress: Sendable, Hashable {
    public var total: Int
    public var done: Int
    public var newArticles: Int
    public var failures: Int
    /// The feed that just finished.
    public var last: FeedRefreshReport
}

/// The whole refresh: one report per feed, in the order the feeds were given.
public struct RefreshSummary: Sendable, Hashable {
    public var reports: [FeedRefreshReport]
    public var duration: TimeInterval

    public var newArticles: Int { reports.reduce(0) { $0 + $1.newArticles } }
    public var failures: [FeedRefreshReport] { reports.filter(\.isFailure) }
}
