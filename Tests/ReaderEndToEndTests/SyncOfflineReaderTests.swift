import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

// Offline-first: with [sync] set and the server down, the reader opens and reads what the store holds, and its
// status line says the sync failed and how many marks wait. (The server side is tested against a real Tiny Tiny
// RSS in qnreadTests/Sync; here nothing listens at all.)
@Suite("qnread in a terminal: the sync server is down", .serialized)
struct SyncOfflineReaderTests {
    static let feedURL = "http://192.0.2.1/hors-ligne.xml"

    /// A store as a sync left it: one server feed of three articles, one read, one mark waiting, the last sync failed.
    static func syncedHome() throws -> ReaderHome {
        let home = try ReaderHome()
        try home.writeConfig("""
            [sync]
            url = "http://127.0.0.1:1/"
            user = "marie"
            password_command = ["echo", "secret-de-test"]
            """)
        let cache = home.root.appendingPathComponent(".cache/qnread")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try "\(feedURL) \"Hors ligne\" \"~Québec hors ligne\"\n".write(to: cache.appendingPathComponent("server-feeds"),
                                                                    atomically: true, encoding: .utf8)
        let store = try FeedStore(path: home.database.path)
        _ = try store.claimSync(for: "marie at http://127.0.0.1:1/")
        _ = try store.linkServerFeeds([ServerFeedLink(serverID: 7, url: feedURL, title: "Québec hors ligne")])
        let now = ReaderHome.date("2026-12-01T08:00:00Z")
        let articles = (1...3).map { n in
            ServerArticle(serverID: Int64(n), serverFeedID: 7,
                          item: ParsedItem(title: "Nouvelle \(n) de Québec", link: "https://exemple.qc.ca/\(n)",
                                           published: now.addingTimeInterval(Double(-n) * 3600),
                                           content: "<p>Lue sans réseau, numéro \(n).</p>"),
                          isRead: n == 3, isStarred: false)
        }
        _ = try store.storeServerPage(articles, isLast: true, now: now)
        let second = try #require(try store.articles(.all, limit: 10).first { $0.title == "Nouvelle 2 de Québec" })
        try store.mark(.articles([second.id]), .starred)
        try store.recordSyncAttempt(error: "cannot reach Tiny Tiny RSS at http://127.0.0.1:1/api/: connection refused", at: now)
        return home
    }

    @Test("The reader opens on the stored articles and says the sync failed and how many marks wait; R says it again")
    func readsWithServerDown() throws {
        let home = try Self.syncedHome()
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment, width: 100, height: 30)
        let start = try reader.waitFor(text: "Québec hors ligne")
        #expect(start.contains { $0.contains("Sync failed, 1 mark waits: cannot reach Tiny Tiny RSS at http://127.0.0.1:1/api/") })
        #expect(start.contains { $0.hasPrefix("  Québec hors ligne  #Hors ligne") && $0.hasSuffix("2/3") })
        // Reading works: the article opens, and reading it queues one more mark.
        try reader.send("Enter")
        try reader.waitFor(text: "Nouvelle 1 de Québec")
        try reader.send("Enter")
        try reader.waitFor(text: "Lue sans réseau, numéro 1.")
        try reader.send("q", "q", "R")
        let after = try reader.waitFor(text: "Sync failed, 2 marks wait: cannot reach Tiny Tiny RSS")
        #expect(after.contains { $0.hasPrefix("  Québec hors ligne") && $0.hasSuffix("1/3") })
        let store = try FeedStore(path: home.database.path)
        #expect(try store.syncStatus().waitingMarks == 2)
    }
}
