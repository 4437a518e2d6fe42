import FeedFetching
import FeedList
import FeedModel
import FeedRefresh
import FeedStorage
import Foundation
import LocalHTTPServer
import ReaderRuntime
import Testing

/// Progress as the reader would collect it, from whatever thread the refresher calls on.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [RefreshProgress] = []
    func add(_ progress: RefreshProgress) { lock.lock(); entries.append(progress); lock.unlock() }
    var all: [RefreshProgress] { lock.lock(); defer { lock.unlock() }; return entries }
}

@Suite("The refresher the reader runs in the background")
struct RefresherTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-refresher-\(UUID().uuidString)")

    func makeStore() throws -> FeedStore {
        try FeedStore(path: directory.appendingPathComponent("qnread.sqlite").path)
    }

    func feed(_ items: Range<Int>) -> String {
        let entries = items.map { "<item><title>Nouvelle \($0) à Québec</title><guid>n\($0)</guid></item>" }.joined()
        return "<rss version=\"2.0\"><channel><title>Québec numérique</title>\(entries)</channel></rss>"
    }

    @Test("The bundled demo feed lands in the store with no network at all, and reloads from memory")
    func demo() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try makeStore()
        #expect(try BundledFeeds.importInto(store) == 5)
        let summaries = try store.feedSummaries()
        #expect(summaries.map(\.url) == [DemoFeed.url])
        #expect(summaries.first?.title.contains("Démo") == true)
        #expect(summaries.first?.fetch.isFailing == false)
        #expect(try store.search("quebec", limit: 10).count >= 1)
        // A reload serves the demo's bytes from the binary: nothing new, and the same bytes are not parsed twice.
        let first = await Refresher(store: store).refresh([DemoFeed.url])
        #expect(first.failures.isEmpty)
        #expect(first.newArticles == 0)
        let again = await Refresher(store: store).refresh([DemoFeed.url])
        #expect(again.reports.first?.status == .unchanged(reason: "unchanged body"))
    }

    @Test("Progress arrives once per feed, counting up, with the failures and new articles so far")
    func progress() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LocalHTTPServer { request in
            request.path == "/absent.xml" ? HTTPReply(status: 404) : HTTPReply(text: feed(0..<3))
        }
        let urls = ["/a.xml", "/b.xml", "/absent.xml", "/c.xml"].map { server.url($0).absoluteString }
        let log = ProgressLog()
        let summary = await Refresher(store: try makeStore()).refresh(urls, progress: { log.add($0) })
        #expect(log.all.map(\.done) == [1, 2, 3, 4])
        #expect(log.all.allSatisfy { $0.total == 4 })
        #expect(log.all.last?.newArticles == 9)
        #expect(log.all.last?.failures == 1)
        #expect(summary.reports.map(\.url) == urls)
        #expect(summary.failures.map(\.httpStatus) == [404])
    }

    @Test("A failure is recorded on the feed, where the feed list shows it")
    func failureRecorded() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LocalHTTPServer { _ in HTTPReply(status: 503) }
        let store = try makeStore()
        let settings = FetchSettings(retries: 0)
        _ = await Refresher(store: store, settings: settings).refresh([server.url("/x.xml").absoluteString])
        let fetch = try #require(try store.feedSummaries().first?.fetch)
        #expect(fetch.httpStatus == 503)
        #expect(fetch.lastError == "HTTP 503 Service Unavailable")
        #expect(fetch.isFailing)
    }
}
