import FeedModel
import FeedStorage
import Foundation
import Testing

// kill -9 at any moment of a sync (a power cut, the OOM killer) leaves every mark either in the outbox or on the
// server, never sends a stale mark after a newer one, and never stores an article twice.
@Suite("Sync: killed at random moments")
struct SyncKillTests {
    /// A small deterministic generator, so a failing run can be replayed from the seed it prints.
    struct Dice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("Marks made between syncs killed at random moments all reach the server, the newest of each winning")
    func killedAtRandom() async throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var dice = Dice(state: seed)
        let account = try await TTRSSServer.running().makeAccount()
        let feed = try await account.subscribe(try account.publish("k", title: "Tué", items: SyncPullTests.items("K", 0..<230)))
        try await account.subscribe(try account.publish("l", title: "Long", items: SyncPullTests.items("L", 0..<40)))
        let home = try SyncHome(account)
        var environment = home.environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        environment["LANG"] = "C.UTF-8"
        // What the reader last did to each article: the server must end up agreeing.
        var wanted: [String: (read: Bool, starred: Bool)] = [:]
        var killed = 0
        // Kill moments are drawn below the shortest wait after which a sync had already ended, so that most land
        // inside a sync however fast this machine is at the time.
        var window: UInt32 = 500_000
        for round in 0..<24 {
            let store = try home.openStore()
            let stored = try store.articles(.all, limit: 10_000)
            for _ in 0..<(stored.isEmpty ? 0 : 1 + dice.next(12)) {
                let article = stored[dice.next(stored.count)]
                var state = wanted[article.title] ?? (article.isRead, article.isStarred)
                let change: StatusChange
                switch dice.next(4) {
                case 0: change = .read; state.read = true
                case 1: change = .unread; state.read = false
                case 2: change = .starred; state.starred = true
                default: change = .unstarred; state.starred = false
                }
                try store.mark(.articles([article.id]), change)
                wanted[article.title] = state
            }
            if round == 6 {
                // New articles on the server while syncs keep dying.
                try account.publish("k", title: "Tué", items: SyncPullTests.items("Neuf", 0..<30) + SyncPullTests.items("K", 0..<230))
                try await account.update(feed)
            }
            let delay = UInt32(dice.next(Int(window)))
            let childEnvironment = environment
            let (wasKilled, took) = try await offPool { () -> (Bool, UInt32) in
                let started = DispatchTime.now().uptimeNanoseconds
                let child = Process()
                child.executableURL = URL(fileURLWithPath: MeasuredProcess.toolPath)
                child.arguments = ["sync"]
                child.environment = childEnvironment
                child.standardOutput = FileHandle.nullDevice
                child.standardError = FileHandle.nullDevice
                try child.run()
                usleep(delay)
                let running = child.isRunning
                if running { kill(child.processIdentifier, SIGKILL) }
                child.waitUntilExit()
                return (running, UInt32((DispatchTime.now().uptimeNanoseconds - started) / 1000))
            }
            if wasKilled { killed += 1 } else { window = max(20_000, min(window, took)) }
        }
        #expect(killed >= 12, "only \(killed) of 24 syncs were killed before they ended (seed \(seed))")

        // Two clean syncs: the first finishes what was left, the second must find nothing to do.
        _ = try await home.sync()
        let idle = try await home.sync()
        #expect(idle.marksSent == 0 && idle.newArticles == 0, "seed \(seed)")
        let store = try home.openStore()
        #expect(try store.integrityProblems() == [], "seed \(seed)")
        #expect(try store.syncStatus().waitingMarks == 0)
        let server = try await account.articles()
        let local = try home.storedArticles()
        let storedCount = try store.statistics().articles
        #expect(server.count == 300 && storedCount == 300, "seed \(seed)")
        #expect(Set(server.values.map(\.title)) == Set(local.keys))
        for (title, state) in wanted {
            let there = try #require(server.values.first { $0.title == title })
            #expect(there.unread == !state.read && there.starred == state.starred, "\(title) on the server (seed \(seed))")
            #expect(local[title].map { $0.read == state.read && $0.starred == state.starred } == true, "\(title) here (seed \(seed))")
        }
        for article in server.values {
            #expect(local[article.title].map { $0.read == !article.unread && $0.starred == article.starred } == true,
                    "\(article.title) differs (seed \(seed))")
        }
    }
}
