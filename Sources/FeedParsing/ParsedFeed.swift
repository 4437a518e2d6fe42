import Foundation

// The one model every feed format is parsed into (DESIGN.md §2). Dates are `Date` here, never strings;
// unknown values are nil or empty, never "".

public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case rss09x = "rss0.9x"
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
    case json10 = "json1.0"
    case json11 = "json1.1"
}

public struct ParsedPerson: Hashable, Sendable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}

public struct ParsedEnclosure: Hashable, Sendable {
    public var url: String
    public var type: String?
    public var length: Int64?
    /// Whole seconds, from any of the forms `EnclosureDuration` reads.
    public var duration: Int?
    /// Plain text (media:title, itunes:title).
    public var title: String?

    public init(url: String, type: String? = nil, length: Int64? = nil, duration: Int? = nil, title: String? = nil) {
        self.url = url
        self.type = type
        self.length = length
        self.duration = duration
        self.title = title
    }
}

public struct ParsedItem: Hashable, Sendable {
    /// The entry's own id (guid, atom:id, JSON id), as given.
    public var id: String?
    /// Plain text.
    public var title: String?
    /// Absolute URL.
    public var link: String?
    public var authors: [ParsedPerson]
    public var published: Date?
    public var updated: Date?
    /// HTML as given.
    public var summary: String?
    /// HTML as given (JSON Feed `content_text` becomes escaped HTML).
    public var content: String?
    /// Plain text.
    public var categories: [String]
    public var enclosures: [ParsedEnclosure]

    public init(id: String? = nil, title: String? = nil, link: String? = nil, authors: [ParsedPerson] = [],
                published: Date? = nil, updated: Date? = nil, summary: String? = nil, content: String? = nil,
                categories: [String] = [], enclosures: [ParsedEnclosure] = []) {
        self.id = id
        self.title = title
        self.link = link
        self.authors = authors
        self.published = published
        self.updated = updated
        self.summary = summary
        self.content = content
        self.categories = categories
        self.enclosures = enclosures
    }
}

public struct ParsedFeed: Hashable, Sendable {
    public var format: FeedFormat
    /// Plain text.
    public var title: String?
    /// The site's URL.
    public var link: String?
    /// The feed's own URL, as it advertises it.
    public var feedURL: String?
    /// Plain text.
    public var description: String?
    public var language: String?
    public var updated: Date?
    /// Absolute URL of the feed's image or icon.
    public var image: String?
    public var authors: [ParsedPerson]
    /// In document order. Empty when the feed was streamed item by item.
    public var items: [ParsedItem]
    /// Things that were recovered or dropped ("unparseable date 'hier' in item 3"), for stderr and `feeds check`.
    public var warnings: [String]

    public init(format: FeedFormat, title: String? = nil, link: String? = nil, feedURL: String? = nil,
                description: String? = nil, language: String? = nil, updated: Date? = nil, image: String? = nil,
                authors: [ParsedPerson] = [], items: [ParsedItem] = [], warnings: [String] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.feedURL = feedURL
        self.description = description
        self.language = language
        self.updated = updated
        self.image = image
        self.authors = authors
        self.items = items
        self.warnings = warnings
    }
}
