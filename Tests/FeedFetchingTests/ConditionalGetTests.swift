import Foundation
import Testing
import FeedFetching
import LocalHTTPServer

@Suite("Conditional GET")
struct ConditionalGetTests {
    let feed = Fixture.data("quebec-numerique.xml")

    @Test("An ETag comes back as If-None-Match and a 304 costs no body")
    func etagRoundTrip() async throws {
        let feed = feed
        let server = try LocalHTTPServer { request in
            request.header("If-None-Match") == "\"v1\""
                ? HTTPReply(status: 304, headers: [("ETag", "\"v1\"")])
                : HTTPReply(headers: [("ETag", "\"v1\""), ("Content-Type", "application/rss+xml")], body: .bytes(feed))
        }
        let fetcher = FeedFetcher(settings: quickSettings())
        let first = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml").absoluteString))
        #expect(first.bodyData == feed)
        #expect(first.httpStatus == 200)
        // Header keys come back re-cased ("Etag"); the value must still be found.
        let validators = try #require(first.validators)
        #expect(validators.etag == "\"v1\"")

        let second = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml").absoluteString, validators: validators))
        #expect(second.notModifiedReason == .http304)
        #expect(second.httpStatus == 304)
        #expect(second.validators?.bodyHash == validators.bodyHash)
        #expect(server.requests.last?.header("If-None-Match") == "\"v1\"")
    }

    @Test("Last-Modified comes back as If-Modified-Since")
    func lastModifiedRoundTrip() async throws {
        let stamp = "Tue, 03 Nov 2026 17:00:00 GMT"
        let feed = feed
        let server = try LocalHTTPServer { request in
            request.header("If-Modified-Since") == stamp
                ? HTTPReply(status: 304)
                : HTTPReply(headers: [("Last-Modified", stamp)], body: .bytes(feed))
        }
        let fetcher = FeedFetcher(settings: quickSettings())
        let first = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml").absoluteString))
        let validators = try #require(first.validators)
        #expect(validators.lastModified == stamp)
        #expect(validators.etag == nil)
        let second = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml").absoluteString, validators: validators))
        #expect(second.notModifiedReason == .http304)
        #expect(server.requests.count == 2)
        #expect(server.requests[0].header("If-Modified-Since") == nil)
    }

    // Many small sites send neither ETag nor Last-Modified: the body hash is all there is.
    @Test("A server without validators that sends the same bytes is seen as unchanged")
    func sameBodyWithoutValidators() async throws {
        let feed = feed
        let server = try LocalHTTPServer { _ in HTTPReply(body: .bytes(feed)) }
        let fetcher = FeedFetcher(settings: quickSettings())
        let first = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml").absoluteString))
        let validators = try #require(first.validators)
        #expect(validators.bodyHash?.count == 32)
        let second = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml").absoluteString, validators: validators))
        #expect(second.notModifiedReason == .sameBody)
    }

    @Test("Requests name qnread and its project in User-Agent and ask for compressed bodies")
    func requestHeaders() async throws {
        let server = try LocalHTTPServer { _ in HTTPReply(text: "<rss/>") }
        _ = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/feed.xml").absoluteString))
        let request = try #require(server.requests.first)
        #expect(request.header("User-Agent") == "qnread/9.9 (+https://github.com/qnread/qnread)")
        let encodings = request.header("Accept-Encoding") ?? ""
        #expect(encodings.contains("gzip"))
        #expect(encodings.contains("deflate"))
        #expect(request.header("Accept")?.hasPrefix("application/rss+xml") == true)
    }
}
