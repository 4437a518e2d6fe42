import Foundation

/// A subscribed feed as the store knows it, with the outcome of its last fetch.
public struct Feed: Hashable, Sendable {
    public var id: FeedID
    /// The URL the feed is fetched from (updated by permanent redirects).
    public var url: String
    /// The title the feed gives itself, if any.
    public var title: String?
    /// The site the feed belongs to.
    public var siteLink: String?
    public var fetch: FetchState

    public init(id: FeedID, url: String, title: String? = nil, siteLink: String? = nil, fetch: FetchState = FetchState()) {
        self.id = id
        self.url = url
        self.title = title
        self.siteLink = siteLink
        self.fetch = fetch
    }
}

/// What happened the last time a feed was fetched. A failure is kept here; stored articles are never touched by it.
public struct FetchState: Hashable, Sendable {
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    /// HTTP status of the last attempt, when there was a response.
    public var httpStatus: Int?
    /// A one-line message a reader can act on, when the last attempt failed.
    public var lastError: String?
    /// The server said `410 Gone`: the feed is no longer fetched.
    public var isGone: Bool

    public init(lastAttempt: Date? = nil, lastSuccess: Date? = nil, httpStatus: Int? = nil,
                lastError: String? = nil, isGone: Bool = false) {
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.httpStatus = httpStatus
        self.lastError = lastError
        self.isGone = isGone
    }

    public var isFailing: Bool { lastError != nil || isGone }
}

/// One row of the feed list screen.
public struct FeedSummary: Hashable, Sendable, Identifiable {
    public var id: FeedID
    public var url: String
    public var title: String
    /// The site the feed belongs to, as the feed names it.
    public var siteLink: String?
    public var tags: [String]
    public var unreadCount: Int
    public var totalCount: Int
    public var fetch: FetchState
    /// A query or search feed (`query:NAME:FILTER`, `search:NAME:WORDS`): its articles belong to other feeds, so
    /// its counts are not added to theirs, and it is never fetched.
    public var isQuery: Bool

    public init(id: FeedID, url: String, title: String, siteLink: String? = nil, tags: [String] = [], unreadCount: Int,
                totalCount: Int, fetch: FetchState = FetchState(), isQuery: Bool = false) {
        self.id = id
        self.url = url
        self.title = title
        self.siteLink = siteLink
        self.tags = tags
        self.unreadCount = unreadCount
        self.totalCount = totalCount
        self.fetch = fetch
        self.isQuery = isQuery
    }
}
