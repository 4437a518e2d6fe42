import FeedStorage
import Foundation
import Testing

// Pulling from a real Tiny Tiny RSS (scripts/ttrss-server): subscriptions, categories, articles, incrementally.
@Suite("Sync: pulling from Tiny Tiny RSS")
struct SyncPullTests {
    static func items(_ prefix: String, _ range: Range<Int>) -> [(guid: String, title: String, body: String)] {
        range.map { ("\(prefix)-\($0)", "\(prefix) nº \($0)", "<p>Nouvelles de Qu&eacute;bec, « numéro \($0) ».</p>") }
    }

    @Test("A first sync stores the server's articles like fetched ones, its feeds as the list, categories as tags")
    func firstSync() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let montreal = try account.publish("mtl", title: "Montréal libre", items: Self.items("Montréal", 0..<30))
        let quebec = try account.publish("qc", title: "Québec numérique", items: Self.items("Québec", 0..<12))
        try await account.subscribe(montreal, category: "Logiciel libre")
        try await account.subscribe(quebec)
        let home = try SyncHome(account)

        let summary = try await home.sync()
        #expect(summary.newArticles == 42)
        #expect(summary.feedsAdded == 2)

        let stored = try home.storedArticles()
        #expect(stored.count == 42)
        #expect(stored["Montréal nº 7"].map { !$0.read && !$0.starred } == true)
        // Stored in the same tables as fetched articles: search finds them, accents or not.
        let hits = try home.openStore().search("quebec numero")
        #expect(hits.count == 42)
        // The server's list is the feeds list, the category a tag, the server's title kept.
        let list = try await home.run(["feeds", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("server   \(montreal)  “Montréal libre”  [Logiciel libre]"))
        #expect(list.stdout.contains("server   \(quebec)  “Québec numérique”"))
        #expect(!list.stdout.contains("built-in"))
        let feeds = try home.openStore().feedSummaries()
        #expect(feeds.map(\.title) == ["Montréal libre", "Québec numérique"])
        #expect(feeds.first?.tags == ["Logiciel libre"])
    }

    @Test("The killfile applies to a server's articles as to fetched ones")
    func killfileApplies() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        try await account.subscribe(try account.publish("kf", title: "Filtré", items: Self.items("Québec", 0..<5)))
        let home = try SyncHome(account)
        try home.writeConfig(url: account.server.url, extra: "\n[[ignore]]\nfeed = \"*\"\nfilter = 'title =~ \"nº 3\"'\n")
        let summary = try await home.sync()
        #expect(summary.newArticles == 4)
        #expect(Set(try home.storedArticles().keys) == Set([0, 1, 2, 4].map { "Québec nº \($0)" }))
        // The dropped article is unread on the server and absent here: that gap alone must not make every later
        // sync list the feed's unread articles again.
        _ = try await home.sync()
        let idle = try await home.sync()
        #expect(idle.requests == 3, "\(idle.requests) requests")
    }

    @Test("With [sync], reload syncs: the reader's progress lines end with the summary its status line shows")
    func reloadSyncs() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        try await account.subscribe(try account.publish("r", title: "Rechargé", items: Self.items("R", 0..<3)))
        let relay = try StoppingRelay(to: account.server.url)
        let home = try SyncHome(account, url: relay.url)
        let forReader = try await home.run(["reload", "--progress-lines"])
        #expect(forReader.status == 0, "\(forReader.stderr)")
        #expect(forReader.stdout.split(separator: "\n") == [
            "progress 1 5 0", "progress 2 5 0", "progress 3 5 0", "progress 4 5 0", "progress 5 5 0",
            // What notify_terminal and notify_bell announce (a sync knows no feed count).
            "notice 3 new articles",
            "summary Synced: 3 new articles, 0 marks sent, 0 received, feeds +1 −0",
        ])
        let plain = try await home.run(["reload"])
        #expect(plain.stdout.hasPrefix("sync: 0 new articles, 0 marks sent, 0 received, feeds +0 −0 ("))
        // A server that cannot be reached: the summary says why, and what waits.
        try home.openStore().mark(.everything, .read)
        relay.stop(after: 0)
        let down = try await home.run(["reload", "--progress-lines"])
        #expect(down.status == 1)
        #expect(down.stdout.hasSuffix("summary Sync failed, 3 marks wait: cannot reach Tiny Tiny RSS at \(relay.url)api/: connection refused\n"),
                "\(down.stdout)")
    }

    @Test("A later sync takes only what is new, and one with nothing new costs a few requests")
    func incrementalSync() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let url = try account.publish("inc", title: "Incrémental", items: Self.items("Ancien", 0..<250))
        let feed = try await account.subscribe(url)
        let home = try SyncHome(account)
        // 250 articles: two pages of 200.
        #expect(try await home.sync().newArticles == 250)

        try account.publish("inc", title: "Incrémental", items: Self.items("Nouveau", 0..<5) + Self.items("Ancien", 0..<250))
        try await account.update(feed)
        let second = try await home.sync()
        #expect(second.newArticles == 5)
        #expect(try home.storedArticles().count == 255)

        let idle = try await home.sync()
        #expect(idle.newArticles == 0)
        #expect(idle.marksSent == 0 && idle.marksReceived == 0)
        // Counters, feeds, one empty page of headlines, whatever the store holds; no login, the last sync's
        // session is still good.
        #expect(idle.requests == 3, "\(idle.requests) requests")
        // The session waits in the sync lock beside the database, for its owner's eyes only; never the password.
        let lock = home.database + ".sync-lock"
        let mode = try FileManager.default.attributesOfItem(atPath: lock)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!(try String(contentsOfFile: lock, encoding: .utf8)).contains(account.password))
    }
}
