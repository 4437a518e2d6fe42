import Foundation

/// Where a download of one enclosure stands, as the store keeps it across processes: the reader shows it, the
/// `qnread-tool download` child moves it on.
public struct DownloadState: Hashable, Sendable {
    public enum Phase: String, Hashable, Sendable, Codable {
        case queued, downloading, done, failed
    }

    public var phase: Phase
    /// The finished file (done), or the partial one being written (downloading, failed).
    public var path: String?
    public var received: Int64
    /// What the server announced, else the feed's length; nil when neither is known.
    public var total: Int64?
    /// Why it failed, one line.
    public var error: String?

    public init(phase: Phase, path: String? = nil, received: Int64 = 0, total: Int64? = nil, error: String? = nil) {
        self.phase = phase
        self.path = path
        self.received = received
        self.total = total
        self.error = error
    }

    /// 0…100 while downloading with a known total.
    public var percent: Int? {
        guard let total, total > 0 else { return nil }
        return Int(min(100, received * 100 / total))
    }
}

/// One enclosure of a stored article, with what the enclosures list shows beside it.
public struct EnclosureItem: Hashable, Sendable, Identifiable {
    public struct ID: Hashable, Sendable {
        public var article: ArticleID
        public var url: String

        public init(article: ArticleID, url: String) {
            self.article = article
            self.url = url
        }
    }

    public var articleID: ArticleID
    public var feedID: FeedID
    public var feedTitle: String
    public var articleTitle: String
    public var date: Date
    public var enclosure: Enclosure
    /// Nil while the enclosure is new (never queued).
    public var download: DownloadState?

    public var id: ID { ID(article: articleID, url: enclosure.url) }

    public init(articleID: ArticleID, feedID: FeedID, feedTitle: String, articleTitle: String, date: Date,
                enclosure: Enclosure, download: DownloadState? = nil) {
        self.articleID = articleID
        self.feedID = feedID
        self.feedTitle = feedTitle
        self.articleTitle = articleTitle
        self.date = date
        self.enclosure = enclosure
        self.download = download
    }
}
