import FeedFetching
import FeedStorage
import Foundation
import LocalHTTPServer
import ReaderConfig
import ReaderCore
import ReaderRuntime
import Testing

// What the reader's `R` and `r` run in the background: the same reload as `qnread reload`, then retention.
@Suite("The reader's background reload")
struct ReaderReloadTests {
    static func feed(_ title: String, items: Int) -> String {
        let entries = (0..<items).map { n in
            "<item><title>Nouvelle \(n) de \(title) à Québec</title><guid>\(title)-\(n)</guid>" +
                "<pubDate>Thu, \(10 + n) Nov 2026 10:00:00 -0500</pubDate><description>Texte \(n)</description></item>"
        }.joined()
        return "<rss version=\"2.0\"><channel><title>\(title)</title>\(entries)</channel></rss>"
    }

    @Test("R syncs the feeds list, fetches every feed, reports progress, and applies retention")
    func reloadAll() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-reader-reload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try LocalHTTPServer { request in
            request.path == "/absent.xml" ? HTTPReply(status: 404, text: "non") : HTTPReply(text: Self.feed("Web à Québec", items: 5))
        }
        let locations = FeedListLocations(systemFeeds: root.appendingPathComponent("etc/feeds"),
                                          systemConfig: root.appendingPathComponent("etc/config.toml"),
                                          userFeeds: root.appendingPathComponent("config/feeds"),
                                          remoteCache: root.appendingPathComponent("cache/system-feeds"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try Data("\(server.url("/waq.xml")) Québec\n\(server.url("/absent.xml"))\n".utf8).write(to: locations.userFeeds)
        let store = try FeedStore(path: root.appendingPathComponent("qnread.sqlite").path)
        var settings = Settings()
        settings.retentionPerFeed = 3
        let reload = ReaderReload(refresher: Refresher(store: store, settings: FetchSettings(retries: 0)),
                                  locations: locations, settings: settings)
        let steps = StepLog()
        let final = reload.refresh(nil) { steps.add($0) }

        #expect(final == ReloadProgress(done: 2, total: 2, failed: 1))
        #expect(steps.all.map(\.done) == [1, 2])
        let summaries = try store.feedSummaries()
        #expect(summaries.map(\.title) == ["Web à Québec", server.url("/absent.xml").absoluteString])
        #expect(summaries.first?.tags == ["Québec"])
        #expect(summaries.first?.totalCount == 3, "retention keeps the 3 newest of 5")
        #expect(summaries.last?.fetch.isFailing == true)
    }
}

private final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [ReloadProgress] = []
    func add(_ step: ReloadProgress) { lock.withLock { steps.append(step) } }
    var all: [ReloadProgress] { lock.withLock { steps } }
}
