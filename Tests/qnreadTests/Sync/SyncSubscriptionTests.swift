import FeedStorage
import Foundation
import Testing

// With [sync], the server's subscriptions are the feeds list: changes go both ways, and wait when offline.
@Suite("Sync: subscriptions both ways")
struct SyncSubscriptionTests {
    @Test("feeds add and remove subscribe and unsubscribe on the server; the server's own changes come back")
    func bothWays() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let first = try account.publish("un", title: "Premier", items: SyncPullTests.items("Un", 0..<3))
        let second = try account.publish("deux", title: "Deuxième", items: SyncPullTests.items("Deux", 0..<4))
        try await account.subscribe(first)
        let home = try SyncHome(account)
        #expect(try await home.sync().newArticles == 3)

        // Here → there.
        let added = try await home.run(["feeds", "add", "--no-check", second])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "subscribed \(second) on \(account.server.url)\n")
        #expect(try await account.subscribedURLs == [first, second])
        #expect(try await home.run(["feeds", "list"]).stdout.contains("server   \(second)"))
        #expect(try await home.sync().newArticles == 4)
        let removed = try await home.run(["feeds", "remove", first])
        #expect(removed.stdout == "unsubscribed \(first) on \(account.server.url)\n")
        #expect(try await account.subscribedURLs == [second])
        #expect(!(try await home.run(["feeds", "list"]).stdout.contains(first)))

        // There → here.
        try await account.subscribe(first)
        var summary = try await home.sync()
        #expect(summary.feedsAdded == 1)
        #expect(try await home.run(["feeds", "list"]).stdout.contains("server   \(first)"))
        try await account.call("unsubscribeFeed", ["feed_id": try await account.feedID(second)])
        summary = try await home.sync()
        #expect(summary.feedsRemoved == 1)
        let list = try await home.run(["feeds", "list"]).stdout
        #expect(list.contains(first) && !list.contains(second))
        #expect(try home.openStore().feedSummaries().map(\.url) == [first])
    }

    @Test("Offline, feeds add and remove are queued, and the next sync sends them")
    func offlineChangesWait() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let kept = try account.publish("reste", title: "Reste", items: SyncPullTests.items("R", 0..<2))
        let dropped = try account.publish("part", title: "Part", items: SyncPullTests.items("P", 0..<2))
        let new = try account.publish("nouveau", title: "Nouveau", items: SyncPullTests.items("N", 0..<2))
        try await account.subscribe(kept)
        try await account.subscribe(dropped)
        let home = try SyncHome(account)
        _ = try await home.sync()

        try home.writeConfig(url: "http://127.0.0.1:1/")
        let added = try await home.run(["feeds", "add", "--no-check", new])
        #expect(added.status == 0)
        #expect(added.stdout.hasPrefix("queued: subscribe to \(new) at the next sync (cannot reach Tiny Tiny RSS"))
        let removed = try await home.run(["feeds", "remove", dropped])
        #expect(removed.stdout.hasPrefix("queued: unsubscribe from \(dropped) at the next sync"))
        #expect(try home.openStore().syncStatus().waitingSubscriptions == 2)
        #expect(try await account.subscribedURLs == [kept, dropped])

        try home.writeConfig(url: account.server.url)
        let summary = try await home.sync()
        #expect(summary.subscriptionChangesSent == 2)
        #expect(summary.newArticles == 2)
        #expect(try await account.subscribedURLs == [kept, new])
        #expect(try home.openStore().syncStatus().waitingSubscriptions == 0)
    }

    @Test("sync --subscribe-local gives the server the local lists' feeds it lacks, once")
    func subscribeLocal() async throws {
        let account = try await TTRSSServer.running().makeAccount()
        let shared = try account.publish("commun", title: "Commun", items: SyncPullTests.items("C", 0..<2))
        let mine = try account.publish("local", title: "Local", items: SyncPullTests.items("L", 0..<3))
        let system = try account.publish("systeme", title: "Système", items: SyncPullTests.items("S", 0..<1))
        try await account.subscribe(shared)
        let home = try SyncHome(account)
        try "\(shared) commun\n\(mine) à-moi\n".write(to: home.root.appendingPathComponent("config/qnread/feeds"),
                                                         atomically: true, encoding: .utf8)
        try "\(system)\n".write(to: home.root.appendingPathComponent("etc/feeds"), atomically: true, encoding: .utf8)
        let result = try await home.run(["sync", "--subscribe-local"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("sync: 2 local feeds to subscribe on the server\n"))
        #expect(try await account.subscribedURLs == [shared, mine, system])
        #expect(try home.storedArticles().count == 6)
        #expect(try await home.run(["sync", "--subscribe-local"]).stdout.hasPrefix("sync: 0 local feeds"))
    }
}
