import Foundation

/// What the reader did with an article. Kept apart from the article so a re-fetch never resets it.
public struct ArticleStatus: Hashable, Sendable {
    public var isRead: Bool
    public var isStarred: Bool
    /// When the article first reached the store.
    public var arrived: Date

    public init(isRead: Bool = false, isStarred: Bool = false, arrived: Date) {
        self.isRead = isRead
        self.isStarred = isStarred
        self.arrived = arrived
    }
}

/// A file attached to an article (a podcast episode, a video). Stored as JSON inside the article's row: a field
/// added here must stay optional, so rows written before it still decode.
public struct Enclosure: Hashable, Sendable, Codable {
    public var url: String
    public var type: String?
    /// Bytes, as the feed announces them (often wrong, never trusted for a download).
    public var length: Int64?
    /// Whole seconds (`itunes:duration`, Media RSS `duration`, JSON Feed `duration_in_seconds`).
    public var duration: Int?
    /// The episode's own title, where the feed gives one apart from the article's (media:title, itunes:title).
    public var title: String?

    public init(url: String, type: String? = nil, length: Int64? = nil, duration: Int? = nil, title: String? = nil) {
        self.url = url
        self.type = type
        self.length = length
        self.duration = duration
        self.title = title
    }
}

/// One row of an article list: enough to draw it, nothing more.
public struct ArticleSummary: Hashable, Sendable, Identifiable {
    public var id: ArticleID
    public var feedID: FeedID
    public var feedTitle: String
    public var title: String
    public var link: String?
    /// The date shown and sorted on: published, else updated, else arrival.
    public var date: Date
    public var isRead: Bool
    public var isStarred: Bool

    public init(id: ArticleID, feedID: FeedID, feedTitle: String, title: String, link: String? = nil, date: Date,
                isRead: Bool, isStarred: Bool) {
        self.id = id
        self.feedID = feedID
        self.feedTitle = feedTitle
        self.title = title
        self.link = link
        self.date = date
        self.isRead = isRead
        self.isStarred = isStarred
    }
}

/// A whole article, for the pager.
public struct Article: Hashable, Sendable, Identifiable {
    public var id: ArticleID
    public var feedID: FeedID
    public var feedTitle: String
    public var title: String
    public var link: String?
    public var authors: [String]
    public var published: Date?
    public var updated: Date?
    /// HTML as the feed gave it.
    public var summaryHTML: String?
    /// HTML as the feed gave it.
    public var contentHTML: String?
    public var categories: [String]
    public var enclosures: [Enclosure]
    public var status: ArticleStatus

    public init(id: ArticleID, feedID: FeedID, feedTitle: String, title: String, link: String? = nil,
                authors: [String] = [], published: Date? = nil, updated: Date? = nil, summaryHTML: String? = nil,
                contentHTML: String? = nil, categories: [String] = [], enclosures: [Enclosure] = [],
                status: ArticleStatus) {
        self.id = id
        self.feedID = feedID
        self.feedTitle = feedTitle
        self.title = title
        self.link = link
        self.authors = authors
        self.published = published
        self.updated = updated
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.categories = categories
        self.enclosures = enclosures
        self.status = status
    }

    /// The HTML to render: the content, else the summary.
    public var bodyHTML: String { contentHTML ?? summaryHTML ?? "" }

    public var date: Date { published ?? updated ?? status.arrived }

    public var summary: ArticleSummary {
        ArticleSummary(id: id, feedID: feedID, feedTitle: feedTitle, title: title, link: link, date: date,
                       isRead: status.isRead, isStarred: status.isStarred)
    }
}

/// One full-text search result: the article, and a snippet around the match.
public struct SearchHit: Hashable, Sendable {
    public var article: ArticleSummary
    public var snippet: [SnippetSegment]

    public init(article: ArticleSummary, snippet: [SnippetSegment]) {
        self.article = article
        self.snippet = snippet
    }
}

/// A piece of a search snippet; matched words are their own segments so a screen can highlight them.
public struct SnippetSegment: Hashable, Sendable {
    public var text: String
    public var isMatch: Bool

    public init(_ text: String, isMatch: Bool = false) {
        self.text = text
        self.isMatch = isMatch
    }
}
