import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

// The outbox rule of FeedStore+Sync.swift, on a real SQLite file: a mark is queued with the status change, a newer
// mark replaces an older one, only acknowledged rows leave, and a waiting mark wins over the server's.
@Suite("Sync outbox in the store")
struct SyncOutboxTests {
    static let now = Date(timeIntervalSince1970: 1_764_590_400)

    static func article(_ id: Int64, feed: Int64 = 10, read: Bool = false, starred: Bool = false) -> ServerArticle {
        ServerArticle(serverID: id, serverFeedID: feed,
                      item: ParsedItem(title: "Article \(id)", link: "https://exemple.qc.ca/\(id)", content: "<p>Québec</p>"),
                      isRead: read, isStarred: starred)
    }

    /// A store holding three server articles (ids 1, 2, 3) of server feed 10.
    static func store() throws -> (FeedStore, [ArticleID]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString).sqlite").path
        let store = try FeedStore(path: path)
        #expect(try store.claimSync(for: "marie at https://rss.exemple.qc.ca/") == .reset)
        _ = try store.linkServerFeeds([ServerFeedLink(serverID: 10, url: "https://exemple.qc.ca/flux", title: "Flux")])
        let page = try store.storeServerPage([article(1), article(2), article(3)], isLast: true, now: now)
        return (store, page.newArticles)
    }

    @Test("Every mark of a server article is queued in the same transaction; a local-only article is not")
    func marksAreQueued() throws {
        let (store, ids) = try Self.store()
        let local = try store.findOrCreateFeed(url: "https://local.exemple/flux")
        try store.apply(ParsedFeed(format: .rss20, items: [ParsedItem(id: "x", title: "Local")]), to: local.id, now: Self.now)
        try store.mark(.everything, .read)
        let waiting = try store.outbox(limit: 100)
        #expect(waiting.map(\.serverID).sorted() == [1, 2, 3])
        #expect(waiting.allSatisfy { $0.field == .read && $0.value })
        // Marking what is already so queues nothing more.
        try store.mark(.articles([ids[0]]), .read)
        #expect(try store.outbox(limit: 100).count == 3)
    }

    @Test("A newer mark replaces the one being sent, and survives that one's acknowledgement")
    func newerMarkSurvives() throws {
        let (store, ids) = try Self.store()
        try store.mark(.articles([ids[1]]), .read)
        let inFlight = try store.outbox(limit: 100)
        try store.mark(.articles([ids[1]]), .unread)
        try store.removeFromOutbox(inFlight.map(\.id))
        let left = try store.outbox(limit: 100)
        #expect(left.count == 1)
        #expect(left.first.map { $0.serverID == 2 && $0.field == .read && !$0.value } == true)
    }

    @Test("The server's marks apply except where the outbox waits; after the acknowledgement they apply")
    func waitingMarkWins() throws {
        let (store, ids) = try Self.store()
        try store.mark(.articles([ids[0]]), .starred)
        // The server says: 1 read and not starred, 2 read.
        let page = try store.storeServerPage([Self.article(1, read: true), Self.article(2, read: true)], isLast: true, now: Self.now)
        #expect(page.newArticles.isEmpty)
        var statuses = try store.statuses(ids)
        #expect(statuses[ids[0]].map { $0.isRead && $0.isStarred } == true)
        #expect(statuses[ids[1]]?.isRead == true)
        try store.removeFromOutbox(try store.outbox(limit: 100).map(\.id))
        #expect(try store.reconcileServerFeed(10, unread: [1, 2, 3]) == 2)
        #expect(try store.reconcileStarred([2]) == 2)
        #expect(try store.statuses([ids[1]])[ids[1]]?.isStarred == true)
        #expect(try store.reconcileStarred([]) == 1)
        statuses = try store.statuses(ids)
        #expect(statuses.values.allSatisfy { !$0.isRead && !$0.isStarred })
    }

    @Test("A page stored twice (a pull resumed after a kill) stores each article once")
    func resumedPageStoresOnce() throws {
        let (store, _) = try Self.store()
        let again = try store.storeServerPage([Self.article(1), Self.article(4)], isLast: true, now: Self.now)
        #expect(again.newArticles.count == 1)
        #expect(try store.statistics().articles == 4)
        #expect(try store.pullCursor() == PullCursor(sinceID: 4))
    }

    @Test("An article fetched before the feed moved to the server is adopted by its link, marks merged")
    func localArticleAdopted() throws {
        let (store, _) = try Self.store()
        let feed = try #require(try store.feed(url: "https://exemple.qc.ca/flux"))
        try store.apply(ParsedFeed(format: .rss20, items: [
            ParsedItem(id: "guid-5", title: "Article 5", link: "https://exemple.qc.ca/5"),
        ]), to: feed.id, now: Self.now)
        let local = try #require(try store.articles(.feed(feed.id, unreadOnly: false), limit: 10).first { $0.title == "Article 5" })
        try store.mark(.articles([local.id]), .read)
        let page = try store.storeServerPage([Self.article(5, starred: true)], isLast: true, now: Self.now)
        #expect(page.newArticles.isEmpty)
        #expect(try store.statistics().articles == 4)
        let status = try #require(try store.statuses([local.id])[local.id])
        #expect(status.isRead && status.isStarred)
        // The local read goes to the server, which did not have it.
        #expect(try store.outbox(limit: 10).map { "\($0.serverID) \($0.field) \($0.value)" } == ["5 read true"])
    }

    @Test("Another server or user: refused while marks wait for the first; its ids and position dropped after")
    func anotherAccountResets() throws {
        let (store, ids) = try Self.store()
        try store.mark(.articles([ids[0]]), .read)
        #expect(try store.claimSync(for: "paul at https://autre.exemple/")
                == .refused(previous: "marie at https://rss.exemple.qc.ca/", waitingMarks: 1))
        #expect(try store.outbox(limit: 10).count == 1)
        #expect(try store.claimSync(for: "marie at https://rss.exemple.qc.ca/") == .same)
        #expect(try store.claimSync(for: "paul at https://autre.exemple/", dropWaiting: true) == .reset)
        #expect(try store.outbox(limit: 10).isEmpty)
        #expect(try store.pullCursor() == PullCursor())
        #expect(try store.statistics().articles == 3)
    }
}
