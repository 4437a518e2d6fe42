import FeedModel
import Foundation
import FeedStorage
import ReaderCore

// The store as the reader's library: the screens' queries mapped onto FeedStore's API.

extension FeedStore: ReaderLibrary {
    public func articles(_ query: ArticleQuery) throws -> [ArticleSummary] {
        try articles(Self.scope(query.source, unreadOnly: query.unreadOnly),
                     after: query.after, limit: query.limit)
    }

    public func unread(_ query: UnreadQuery) throws -> ArticleSummary? {
        let cursor = query.from
        if query.direction == .older, let found = try articles(Self.scope(query.source, unreadOnly: true), after: cursor,
                                                               limit: 1).first {
            return found
        }
        // Past the end of one feed, go on to the next feeds with unread articles, in feed-list order.
        guard case .feed = query.source else { return nil }
        return try unreadArticle(query.direction == .older ? .next : .previous, from: query.from?.id)
    }

    public func search(_ text: String, feed: FeedID?, limit: Int) throws -> [SearchHit] {
        try search(text, filter: SearchFilter(feed: feed), limit: limit)
    }

    public func setRead(_ ids: [ArticleID], _ isRead: Bool) throws {
        try mark(.articles(ids), isRead ? .read : .unread)
    }

    public func setStarred(_ id: ArticleID, _ isStarred: Bool) throws {
        try mark(.articles([id]), isStarred ? .starred : .unstarred)
    }

    public func markRead(feed: FeedID?) throws {
        try mark(feed.map(StatusTarget.feed) ?? .everything, .read)
    }

    private static func scope(_ source: ArticleSource, unreadOnly: Bool) -> ArticleScope {
        switch source {
        case .all: return ArticleScope(unreadOnly: unreadOnly)
        case .starred: return ArticleScope(unreadOnly: unreadOnly, starredOnly: true)
        case .feed(let id): return .feed(id, unreadOnly: unreadOnly)
        case .tag(let tag): return ArticleScope(tag: tag, unreadOnly: unreadOnly)
        case .search(_, let feed): return ArticleScope(feed: feed, unreadOnly: unreadOnly)
        }
    }
}

extension FeedStore {
    public func enclosures() throws -> [EnclosureItem] {
        try enclosures(newOnly: false)
    }

    public func queueDownloads(_ target: DownloadTarget) throws -> Int? {
        let found = try items(target)
        return found.isEmpty ? nil : try queueDownloads(found.map(\.id))
    }

    public func downloadedFile(_ target: DownloadTarget) throws -> String? {
        try items(target).lazy.compactMap { item -> String? in
            guard item.download?.phase == .done, let path = item.download?.path, FileManager.default.fileExists(atPath: path) else { return nil }
            return path
        }.first
    }

    private func items(_ target: DownloadTarget) throws -> [EnclosureItem] {
        switch target {
        case .articles(let ids):
            return try enclosures(ofArticles: ids)
        case .enclosures(let ids):
            let wanted = Set(ids)
            return try enclosures(ofArticles: ids.map(\.article)).filter { wanted.contains($0.id) }
        }
    }
}
