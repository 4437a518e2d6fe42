import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import ReaderCore
import ReaderRuntime
import ScreenKit
import Synchronization
import Testing

// The real loop on a real SQLite store (a temporary file filled through the store's ingest API).

@Suite("Reader loop")
struct ReaderLoopTests {
    final class TemporaryStore {
        let directory: URL
        let store: FeedStore
        let feeds: [FeedID]

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-loop-\(UUID().uuidString)")
            store = try FeedStore(path: directory.appendingPathComponent("qnread.sqlite").path)
            feeds = try store.syncSubscriptions([Subscription(url: "https://quebecnumerique.example/feed", tags: ["quebec"]),
                                                 Subscription(url: "https://webaquebec.example/rss")])
            var feed = ParsedFeed(format: .rss20, title: "Québec numérique")
            feed.items = (1...3).map { n in
                ParsedItem(id: "qn-\(n)", title: "Article numéro \(n) à Québec", link: "https://quebecnumerique.example/\(n)",
                           published: Date(timeIntervalSince1970: 1_790_000_000 - Double(n) * 3600),
                           content: "<p>Texte « \(n) »</p>")
            }
            _ = try store.apply(feed, to: feeds[0], now: Date(timeIntervalSince1970: 1_790_000_000))
            _ = try store.apply(ParsedFeed(format: .atom10, title: "Web à Québec"), to: feeds[1],
                                now: Date(timeIntervalSince1970: 1_790_000_000))
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    static func state(width: Int = 60, height: Int = 10) -> AppState {
        AppState(size: Size(width: width, height: height))
    }

    @Test("Keys drive the real store: opening an article marks it read and the counts follow")
    func readArticle() throws {
        let temp = try TemporaryStore()
        let terminal = ScriptedTerminal(width: 60, height: 10, script: ScriptedTerminal.keys("j", "j", "Enter", "Enter"))
        var opened: [String] = []
        terminal.whenIdle = { terminal in
            guard opened.isEmpty else { return nil }
            opened = terminal.screen.lines
            return ScriptedTerminal.keys("q", "q")
        }
        let loop = ReaderLoop(terminal: terminal, library: temp.store, refresher: nil, state: Self.state())
        let final = loop.run()
        #expect(!final.isRunning)
        #expect(opened[1] == "Article numéro 1 à Québec")
        let first = try temp.store.articles(.feed(temp.feeds[0]), limit: 1)[0]
        #expect(first.isRead)
        #expect(terminal.frames.last?.contains { $0.hasPrefix("  Québec numérique  #quebec") && $0.hasSuffix("2/3") } == true)
    }

    @Test("After the first frame only the changed cells are sent; a resize redraws all")
    func diffs() throws {
        let temp = try TemporaryStore()
        let terminal = ScriptedTerminal(width: 60, height: 10,
                                        script: ScriptedTerminal.keys("j") + [.resize(Size(width: 30, height: 6))])
        _ = ReaderLoop(terminal: terminal, library: temp.store, refresher: nil, state: Self.state()).run()
        // frames: loading, feeds loaded, after j, after resize
        let afterMove = terminal.runCounts[terminal.frames.firstIndex { $0.last?.hasSuffix("2/4") == true }!]
        #expect(afterMove <= 6, "moving the selection redraws two rows and the position, not the screen")
        #expect(terminal.screen.lines[0].count <= 30)
        #expect(terminal.frames.last?.count == 6)
    }

    /// Stores one more article per feed from another thread, reporting after each, as the real refresher does.
    struct StoringRefresher: FeedRefreshing {
        let store: FeedStore
        let feeds: [FeedID]
        let gate: DispatchSemaphore

        func refresh(_ only: [FeedID]?, progress: @escaping @Sendable (ReloadProgress) -> Void) -> ReloadProgress {
            let targets = only ?? feeds
            for (index, id) in targets.enumerated() {
                gate.wait()
                var feed = ParsedFeed(format: .rss20)
                feed.items = [ParsedItem(id: "new-\(id)", title: "Nouveauté à Montréal", published: Date(timeIntervalSince1970: 1_790_100_000))]
                _ = try? store.apply(feed, to: id, now: Date(timeIntervalSince1970: 1_790_100_000))
                progress(ReloadProgress(done: index + 1, total: targets.count))
            }
            return ReloadProgress(done: targets.count, total: targets.count)
        }
    }

    @Test("R reloads in the background: progress shows, keys still work, counts update when it ends")
    func backgroundReload() throws {
        let temp = try TemporaryStore()
        let gate = DispatchSemaphore(value: 0)
        let refresher = StoringRefresher(store: temp.store, feeds: temp.feeds, gate: gate)
        let terminal = ScriptedTerminal(width: 60, height: 10, script: ScriptedTerminal.keys("R"))
        var step = 0
        var seen: [String] = []
        terminal.whenIdle = { terminal in
            step += 1
            let status = terminal.screen.lines.last ?? ""
            switch step {
            case 1:
                seen.append(status)
                gate.signal()
                return ScriptedTerminal.keys("j")  // navigating while the reload runs
            case 2...200:
                if status.contains("Reloaded") {
                    seen.append(status)
                    return nil
                }
                if status.contains("Reloading 1/2") { seen.append(status); gate.signal() }
                Thread.sleep(forTimeInterval: 0.01)
                return [.wake]
            default:
                return nil
            }
        }
        _ = ReaderLoop(terminal: terminal, library: temp.store, refresher: refresher, state: Self.state()).run()
        #expect(seen.first?.contains("Reloading 0/2") == true)
        #expect(seen.contains { $0.contains("Reloading 1/2") })
        #expect(seen.last?.hasPrefix("Reloaded 2 feeds") == true)
        #expect(terminal.frames.last?.contains { $0.hasPrefix("  Web à Québec") && $0.hasSuffix("1/1") } == true)
    }
}

@Suite("Live reader loop")
struct LiveReaderLoopTests {
    @Test("A write by another connection shows on the open list without a key; the selection stays")
    func outsideWrite() throws {
        let temp = try ReaderLoopTests.TemporaryStore()
        let other = try FeedStore(path: temp.store.path)    // a cron `qnread reload`, as far as SQLite can tell
        let terminal = ScriptedTerminal(width: 60, height: 10, script: ScriptedTerminal.keys("j", "j", "Enter", "j"))
        var polls = 0
        var before: [String] = []
        terminal.whenIdle = { terminal in
            polls += 1
            if polls == 1 {
                before = terminal.screen.lines
                var feed = ParsedFeed(format: .rss20, title: "Québec numérique")
                feed.items = [ParsedItem(id: "qn-0", title: "Nouveau : la neige à Québec", published: Date(timeIntervalSince1970: 1_790_100_000))]
                _ = try? other.apply(feed, to: temp.feeds[0], now: Date(timeIntervalSince1970: 1_790_100_000))
            }
            if terminal.screen.lines.contains(where: { $0.hasSuffix("Nouveau : la neige à Québec") }) || polls > 300 { return nil }
            Thread.sleep(forTimeInterval: 0.01)
            return [.wake]
        }
        _ = ReaderLoop(terminal: terminal, library: temp.store, refresher: nil, state: ReaderLoopTests.state()).run()
        #expect(before.last?.hasSuffix("2/3") == true)
        let after = terminal.screen.lines
        #expect(after[1].hasSuffix("Nouveau : la neige à Québec"))
        #expect(after.last?.hasSuffix("3/4") == true, "still on article 2, one row lower")
    }
}

@Suite("Reader loop: downloads")
struct ReaderLoopDownloadTests {
    /// Records each run and how it was asked; answers a finished run of one download.
    final class RecordingDownloader: BackgroundDownloading, @unchecked Sendable {
        let runs = Mutex(0)
        func run(progress: @escaping @Sendable (DownloadProgress) -> Void) -> DownloadProgress {
            runs.withLock { $0 += 1 }
            progress(DownloadProgress(done: 0, total: 1, percent: 50))
            return DownloadProgress(done: 1, total: 1, percent: 100)
        }
        func stop() {}
    }

    /// Its first run waits for `gate`, then fails as a whole (the program is missing, say); later runs succeed.
    final class FailingDownloader: BackgroundDownloading, @unchecked Sendable {
        let runs = Mutex(0)
        let gate = DispatchSemaphore(value: 0)
        func run(progress: @escaping @Sendable (DownloadProgress) -> Void) -> DownloadProgress {
            let run = runs.withLock { $0 += 1; return $0 }
            guard run == 1 else { return DownloadProgress(done: 1, total: 1, percent: 100) }
            gate.wait()
            return DownloadProgress(done: 0, total: 0, problem: "qnread-tool: no such file")
        }
        func stop() {}
    }

    /// A store with the three feeds of `TemporaryStore` and a podcast whose one episode has an enclosure.
    static func podcastStore() throws -> ReaderLoopTests.TemporaryStore {
        let temp = try ReaderLoopTests.TemporaryStore()
        var podcast = ParsedFeed(format: .rss20, title: "Balado")
        var item = ParsedItem(id: "ep1", title: "Épisode 1", published: Date(timeIntervalSince1970: 1_790_100_000))
        item.enclosures = [ParsedEnclosure(url: "https://balado.example/ep1.mp3", type: "audio/mpeg", duration: 60)]
        podcast.items = [item]
        let feed = try temp.store.syncSubscriptions([Subscription(url: "https://quebecnumerique.example/feed", tags: ["quebec"]),
                                                     Subscription(url: "https://webaquebec.example/rss"),
                                                     Subscription(url: "https://balado.example/rss")])[2]
        _ = try temp.store.apply(podcast, to: feed, now: Date(timeIntervalSince1970: 1_790_100_000))
        return temp
    }

    @Test("d queued during a run that fails as a whole is not lost: the next d starts a run")
    func dAfterFailedRun() throws {
        let temp = try Self.podcastStore()
        let downloader = FailingDownloader()
        // The feed list: All, Starred, Enclosures…; the Enclosures list has the one episode.
        let terminal = ScriptedTerminal(width: 80, height: 10, script: ScriptedTerminal.keys("j", "j", "Enter", "d"))
        var step = 0
        var failed: [String] = []
        terminal.whenIdle = { terminal in
            step += 1
            switch step {
            case 1:
                return ScriptedTerminal.keys("d")    // queued while the first run waits
            case 2:
                downloader.gate.signal()
                return [.wake]
            case 3...300 where failed.isEmpty:
                if terminal.screen.lines.last?.contains("qnread-tool: no such file") == true {
                    failed = terminal.screen.lines
                    return ScriptedTerminal.keys("d")
                }
                Thread.sleep(forTimeInterval: 0.01)
                return [.wake]
            default:
                return ScriptedTerminal.keys("Q")
            }
        }
        ReaderLoop(terminal: terminal, library: temp.store, refresher: nil, downloader: downloader,
                   state: AppState(size: Size(width: 80, height: 10))).run()
        #expect(!failed.isEmpty, "the failed run's problem shows")
        let deadline = Date().addingTimeInterval(5)
        while downloader.runs.withLock({ $0 }) < 2, Date() < deadline { usleep(10_000) }
        #expect(downloader.runs.withLock { $0 } == 2, "the first run, and the one the last d started")
    }

    @Test("d on an article without enclosure says so and runs nothing; with one, it is queued in the store and run")
    func queueAndRun() throws {
        let temp = try Self.podcastStore()
        let downloader = RecordingDownloader()
        // The feed list: All, Starred, Enclosures, Québec numérique… ; its first article has no enclosure.
        let terminal = ScriptedTerminal(width: 80, height: 10, script: ScriptedTerminal.keys("j", "j", "j", "Enter", "d"))
        var step = 0
        var noEnclosure: [String] = []
        var finished: [String] = []
        terminal.whenIdle = { terminal in
            step += 1
            switch step {
            case 1:
                noEnclosure = terminal.screen.lines
                return ScriptedTerminal.keys("q", "k", "Enter", "d")
            case 2:
                finished = terminal.screen.lines
                return ScriptedTerminal.keys("Q")
            default:
                return ScriptedTerminal.keys("Q")
            }
        }
        let loop = ReaderLoop(terminal: terminal, library: temp.store, refresher: nil, downloader: downloader,
                              state: AppState(size: Size(width: 80, height: 10)))
        loop.run()
        #expect(noEnclosure.last?.hasPrefix("This article has no enclosure") == true, "\(noEnclosure)")
        #expect(try temp.store.pendingDownloads().map(\.enclosure.url) == ["https://balado.example/ep1.mp3"])
        // The download thread may start its run after the loop quit (Q came at once): wait for it, a while at most.
        let deadline = Date().addingTimeInterval(5)
        while downloader.runs.withLock({ $0 }) == 0, Date() < deadline { usleep(10_000) }
        #expect(downloader.runs.withLock { $0 } == 1)
        #expect(finished.contains { $0.hasPrefix(" queued") && $0.contains("Épisode 1") }, "\(finished)")
    }
}
