import FeedModel
import FeedStorage
import Foundation
import Testing

// Read and starred marks both ways, against the real server.
@Suite("Sync: marks both ways")
struct SyncMarksTests {
    /// An account with two feeds of 6 articles each, synced once into a new home.
    static func syncedHome() async throws -> (SyncHome, TTRSSAccount) {
        let account = try await TTRSSServer.running().makeAccount()
        try await account.subscribe(try account.publish("a", title: "Feed A", items: SyncPullTests.items("A", 0..<6)))
        try await account.subscribe(try account.publish("b", title: "Feed B", items: SyncPullTests.items("B", 0..<6)))
        let home = try SyncHome(account)
        #expect(try await home.sync().newArticles == 12)
        return (home, account)
    }

    static func localID(_ home: SyncHome, _ title: String) throws -> ArticleID {
        try #require(try home.openStore().articles(.all, limit: 1000).first { $0.title == title }).id
    }

    static func serverID(_ account: TTRSSAccount, _ title: String) async throws -> Int {
        try #require(try await account.articles().first { $0.value.title == title }).key
    }

    @Test("Local marks (one article, a feed, stars) reach the server; the outbox is empty after")
    func localMarksReachServer() async throws {
        let (home, account) = try await Self.syncedHome()
        let store = try home.openStore()
        try store.mark(.articles([try Self.localID(home, "A nº 1"), try Self.localID(home, "A nº 2")]), .read)
        try store.mark(.articles([try Self.localID(home, "A nº 3")]), .starred)
        let feedB = try #require(try store.feedSummaries().first { $0.title == "Feed B" }).id
        try store.mark(.feed(feedB), .read)
        #expect(try store.syncStatus().waitingMarks == 9)

        let summary = try await home.sync()
        #expect(summary.marksSent == 9)
        #expect(try store.syncStatus().waitingMarks == 0)
        let server = try await account.articles()
        let read = Set(server.values.filter { !$0.unread }.map(\.title))
        #expect(read == Set(["A nº 1", "A nº 2"] + (0..<6).map { "B nº \($0)" }))
        #expect(Set(server.values.filter(\.starred).map(\.title)) == ["A nº 3"])

        // And back: unread and unstarred go the same way.
        try store.mark(.articles([try Self.localID(home, "A nº 1")]), .unread)
        try store.mark(.articles([try Self.localID(home, "A nº 3")]), .unstarred)
        #expect(try await home.sync().marksSent == 2)
        let after = try await account.articles()
        #expect(after[try await Self.serverID(account, "A nº 1")]?.unread == true)
        #expect(after.values.filter(\.starred).isEmpty)
    }

    @Test("Marks made on another device come back, read and starred, without fetching the articles again")
    func serverMarksComeBack() async throws {
        let (home, account) = try await Self.syncedHome()
        let server = try await account.articles()
        let ids = try ["A nº 0", "A nº 4", "B nº 5"].map { title in try #require(server.first { $0.value.title == title }).key }
        try await account.set(ids, unread: false)
        try await account.set([ids[1]], starred: true)

        let summary = try await home.sync()
        #expect(summary.newArticles == 0)
        // Three read marks and a star.
        #expect(summary.marksReceived == 4)
        let stored = try home.storedArticles()
        #expect(Set(stored.filter { $0.value.read }.keys) == ["A nº 0", "A nº 4", "B nº 5"])
        #expect(Set(stored.filter { $0.value.starred }.keys) == ["A nº 4"])

        // Unread again and unstarred elsewhere: the store follows.
        try await account.set([ids[0]], unread: true)
        try await account.set([ids[1]], starred: false)
        #expect(try await home.sync().marksReceived == 2)
        let later = try home.storedArticles()
        #expect(later["A nº 0"]?.read == false)
        #expect(later["A nº 4"]?.starred == false)
        #expect(try home.openStore().syncStatus().waitingMarks == 0)
    }

    @Test("A mark waiting in the outbox wins over the server's; once sent, the server is the truth")
    func waitingMarkWins() async throws {
        let (home, account) = try await Self.syncedHome()
        let server = try await Self.serverID(account, "B nº 2")
        // Another device reads it; here it is read, then made unread again, and that last mark waits in the outbox:
        // the same field, so the two disagree, and the waiting mark must win on both sides.
        try await account.set([server], unread: false)
        let store = try home.openStore()
        let local = try Self.localID(home, "B nº 2")
        try store.mark(.articles([local]), .read)
        try store.mark(.articles([local]), .unread)
        #expect(try store.syncStatus().waitingMarks == 1, "the newer mark replaced the older one")
        _ = try await home.sync()
        #expect(try await account.articles()[server]?.unread == true)
        #expect(try home.storedArticles()["B nº 2"]?.read == false)
        // Once sent, the server is the truth: read there, read here.
        try await account.set([server], unread: false)
        #expect(try await home.sync().marksReceived == 1)
        #expect(try home.storedArticles()["B nº 2"]?.read == true)
    }
}
