import FeedStorage
import Foundation
import LocalHTTPServer
import ReaderCore
import ReaderRuntime
import Testing

// What the reader's `R` and `r` run: `qnread-tool reload` in a child process (the real built program), its
// progress read back from the pipe; the child applies the retention settings it is given.
@Suite("The reader's background reload, in a child process")
struct BackgroundReloadTests {
    static var tool: String { QnReadProcess.binaryURL.deletingLastPathComponent().appendingPathComponent("qnread-tool").path }

    @Test("R syncs the feeds list, fetches every feed, reports each one, and applies retention")
    func reloadAll() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { request in
            request.path == "/absent.xml" ? HTTPReply(status: 404, text: "non") : HTTPReply(text: frenchFeed(title: "Web à Québec", items: 0..<5))
        }
        try home.write("\(server.url("/waq.xml")) Québec\n\(server.url("/absent.xml"))\n", to: home.userFeeds)
        let store = try FeedStore(path: home.root.appendingPathComponent("data/qnread/qnread.sqlite").path)
        var settings = Settings()
        settings.retentionPerFeed = 3
        let reload = ReloadProcess(tool: Self.tool, store: store, settings: settings, environment: home.environment)
        let steps = StepLog()
        let final = reload.refresh(nil) { steps.add($0) }

        var expected = ReloadProgress(done: 2, total: 2, failed: 1)
        // The child says what came, for the reader's notify_terminal and notify_bell (home.environment sets no locale).
        expected.newArticlesNotice = "5 new articles in 1 feed"
        #expect(final == expected)
        #expect(steps.all.map(\.done) == [1, 2])
        let summaries = try store.feedSummaries()
        #expect(summaries.map(\.title) == ["Web à Québec", server.url("/absent.xml").absoluteString])
        #expect(summaries.first?.tags == ["Québec"])
        #expect(summaries.first?.totalCount == 3, "retention keeps the 3 newest of 5")
        #expect(summaries.last?.fetch.isFailing == true)

        // `r` on one feed: only that feed is fetched.
        let before = server.requests.count
        let one = reload.refresh([try #require(summaries.first?.id)]) { _ in }
        #expect(one == ReloadProgress(done: 1, total: 1, failed: 0))
        #expect(server.requests.dropFirst(before).map(\.path) == ["/waq.xml"])
    }

    // The reader may have been opened with --config: its child gets the limits as options, not from a file.
    @Test("The reader's fetch limits from config.toml reach the child")
    func fetchLimits() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in HTTPReply(body: .trickle(chunk: Data("<".utf8), count: 600, interval: 0.5)) }
        defer { server.stop() }
        try home.write("\(server.url("/goutte.xml"))\n", to: home.userFeeds)
        let store = try FeedStore(path: home.root.appendingPathComponent("qnread.sqlite").path)
        var settings = Settings()
        settings.lowSpeedBytesPerSecond = 300
        settings.lowSpeedSeconds = 1
        let reload = ReloadProcess(tool: Self.tool, store: store, settings: settings, environment: home.environment)
        #expect(reload.refresh(nil) { _ in } == ReloadProgress(done: 1, total: 1, failed: 1))
        #expect(try store.feedSummaries().first?.fetch.lastError == "slower than 300 bytes/s for 1 s")
    }

    @Test("A reload that cannot run says why, in one line")
    func problems() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let store = try FeedStore(path: home.root.appendingPathComponent("qnread.sqlite").path)
        let unlisted = try store.findOrCreateFeed(url: "https://absent.example/flux.xml")
        let reload = ReloadProcess(tool: Self.tool, store: store, settings: Settings(), environment: home.environment)
        let refused = reload.refresh([unlisted.id]) { _ in }
        #expect(refused.problem?.contains("https://absent.example/flux.xml is not in the feeds list") == true, "\(refused)")

        let missing = ReloadProcess(tool: "/nonexistent/qnread-tool", store: store, settings: Settings(), environment: home.environment)
        let result = missing.refresh(nil) { _ in }
        #expect(result.problem == "cannot run /nonexistent/qnread-tool: No such file or directory")
    }
}

private final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [ReloadProgress] = []
    func add(_ step: ReloadProgress) { lock.withLock { steps.append(step) } }
    var all: [ReloadProgress] { lock.withLock { steps } }
}
