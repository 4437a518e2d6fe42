import Foundation
import Testing
import FeedFetching
import LocalHTTPServer

@Suite("Failures are values")
struct FailureTests {
    @Test("404 is an HTTP failure with its status, and is not retried")
    func notFound() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(status: 404, text: "introuvable") }
        let result = await FeedFetcher(settings: quickSettings(retries: 2)).fetch(FetchRequest(url: server.url("/x.xml").absoluteString))
        let failure = try #require(result.failure)
        #expect(failure.kind == .http)
        #expect(failure.httpStatus == 404)
        #expect(failure.message.hasPrefix("HTTP 404"))
        #expect(server.requests.count == 1)
    }

    @Test("410 Gone marks the feed dead")
    func gone() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(status: 410) }
        let result = await FeedFetcher(settings: quickSettings(retries: 2)).fetch(FetchRequest(url: server.url("/x.xml").absoluteString))
        #expect(result.failure?.isGone == true)
        #expect(result.httpStatus == 410)
    }

    @Test("500 is retried with backoff, then reported with the number of attempts")
    func serverError() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(status: 500) }
        let result = await FeedFetcher(settings: quickSettings(retries: 2)).fetch(FetchRequest(url: server.url("/x.xml").absoluteString))
        #expect(result.failure?.httpStatus == 500)
        #expect(result.attempts == 3)
        #expect(server.requests.count == 3)
    }

    @Test("A 503 that heals on the retry gives the feed")
    func healedByRetry() async throws {
        let hits = Hits()
        let server = try LocalHTTPServer { _ in
            hits.next() == 1 ? HTTPReply(status: 503, headers: [("Retry-After", "0")]) : HTTPReply(text: "<rss/>")
        }
        let result = await FeedFetcher(settings: quickSettings(retries: 1)).fetch(FetchRequest(url: server.url("/x.xml").absoluteString))
        #expect(result.bodyData == Data("<rss/>".utf8))
        #expect(result.attempts == 2)
    }

    @Test("Retry-After is honoured, and a huge one is cut to the cap")
    func retryAfter() async throws {
        let server = try LocalHTTPServer { request in
            HTTPReply(status: 503, headers: [("Retry-After", request.path == "/court" ? "1" : "86400")])
        }
        var settings = quickSettings(retries: 1)
        settings.maxRetryWait = 2
        let fetcher = FeedFetcher(settings: settings)
        let short = await fetcher.fetch(FetchRequest(url: server.url("/court").absoluteString))
        #expect(short.duration >= 0.9)
        #expect(short.attempts == 2)
        let long = await fetcher.fetch(FetchRequest(url: server.url("/long").absoluteString))
        #expect(long.duration >= 1.9)
        // Far below a day: the cap held (generous, as other suites share the two cores).
        #expect(long.duration < 60)
    }

    // Bytes keep coming, and the low-speed window (15 s) is longer than the total timeout: the total timeout ends
    // it. (Servers that drip or never answer are in HostileServerTests.)
    @Test("A server that trickles bytes forever hits the total timeout")
    func trickle() async throws {
        let server = try LocalHTTPServer { _ in
            HTTPReply(body: .trickle(chunk: Data("<!-- … -->".utf8), count: 1200, interval: 0.1))
        }
        let result = await FeedFetcher(settings: quickSettings(connectTimeout: 3, totalTimeout: 1.5))
            .fetch(FetchRequest(url: server.url("/goutte.xml").absoluteString))
        let failure = try #require(result.failure)
        #expect(failure.kind == .timeout)
        #expect(failure.message.contains("within 1 s"))
        // The server would trickle for two minutes.
        #expect(result.duration < 60)
        server.stop()
    }

    // A reader quitting mid-reload cancels the fetches: the transfer loop must end them, not wait for the server.
    @Test("A cancelled fetch ends its transfer at once")
    func cancelled() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(text: "<rss/>", delay: 120) }
        defer { server.stop() }
        let fetcher = FeedFetcher(settings: quickSettings(totalTimeout: 60))
        let url = server.url("/lent.xml").absoluteString
        let task = Task { await fetcher.fetch(FetchRequest(url: url)) }
        while server.requests.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        task.cancel()
        let result = await task.value
        #expect(result.failure?.message == "cancelled")
        #expect(result.duration < 30)
    }

    @Test("A refused connection fails at once with a clear message")
    func refused() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply() }
        let url = server.url("/x.xml").absoluteString
        server.stop()
        let result = await FeedFetcher(settings: quickSettings(retries: 2)).fetch(FetchRequest(url: url))
        let failure = try #require(result.failure)
        #expect(failure.kind == .network)
        #expect(failure.message == "connection refused")
        #expect(result.attempts == 1)
    }

    @Test("Not a fetchable URL", arguments: ["htp://x", "ftp://example.com/feed", "rien du tout", ""])
    func badURL(_ text: String) async throws {
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: text))
        #expect(result.failure?.kind == .badURL)
    }
}

/// Numbers the requests a route sees (1, 2, …).
final class Hits: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
}
