import Foundation
import Testing
import FeedFetching
import LocalHTTPServer

@Suite("Compression, charsets and redirects")
struct TransferTests {
    let feed = Fixture.data("quebec-numerique.xml")

    @Test("A gzip body arrives decoded")
    func gzip() async throws {
        let compressed = Fixture.data("quebec-numerique.xml.gz")
        let server = try LocalHTTPServer { request in
            #expect(request.header("Accept-Encoding")?.contains("gzip") == true)
            return HTTPReply(headers: [("Content-Encoding", "gzip"), ("Content-Type", "application/rss+xml")],
                             body: .bytes(compressed))
        }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/feed.xml").absoluteString))
        #expect(result.bodyData == feed)
        #expect(compressed.count < feed.count)
    }

    @Test("A deflate body arrives decoded")
    func deflate() async throws {
        let compressed = Fixture.data("quebec-numerique.xml.zz")
        let server = try LocalHTTPServer { _ in HTTPReply(headers: [("Content-Encoding", "deflate")], body: .bytes(compressed)) }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/feed.xml").absoluteString))
        #expect(result.bodyData == feed)
    }

    // The fetcher passes bytes through untouched and reports the header's charset; the parser decides what they mean.
    @Test("The charset of Content-Type is reported, and bytes are never transcoded", arguments: [
        ("text/xml; charset=ISO-8859-1", "ISO-8859-1"),
        ("application/rss+xml; charset=\"utf-8\"", "utf-8"),
        ("application/rss+xml", nil),
        ("", nil),
    ] as [(String, String?)])
    func charset(contentType: String, expected: String?) async throws {
        let latin1 = Fixture.data("latin1-sans-declaration.xml")
        let server = try LocalHTTPServer { _ in
            HTTPReply(headers: contentType.isEmpty ? [] : [("Content-Type", contentType)], body: .bytes(latin1))
        }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/cafe.xml").absoluteString))
        let body = try #require(result.body)
        #expect(body.charset == expected)
        #expect(body.data == latin1)
    }

    @Test("A chain of permanent redirects moves the feed to the last URL")
    func permanentChain() async throws {
        let feed = feed
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/ancien": .redirect(301, to: "/intermediaire")
            case "/intermediaire": .redirect(308, to: "/nouveau")
            default: HTTPReply(body: .bytes(feed))
            }
        }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/ancien").absoluteString))
        #expect(result.bodyData == feed)
        #expect(result.movedTo == server.url("/nouveau").absoluteString)
        #expect(result.body?.finalURL == server.url("/nouveau"))
        #expect(server.requests.map(\.path) == ["/ancien", "/intermediaire", "/nouveau"])
    }

    @Test("A temporary redirect on the way keeps the feed where it was")
    func temporaryHop() async throws {
        let feed = feed
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/a": .redirect(301, to: "/b")
            case "/b": .redirect(302, to: "/c")
            default: HTTPReply(body: .bytes(feed))
            }
        }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/a").absoluteString))
        #expect(result.bodyData == feed)
        #expect(result.movedTo == nil)
    }

    @Test("A redirect loop is an error naming the URL seen twice")
    func loop() async throws {
        let server = try LocalHTTPServer { request in
            request.path == "/ping" ? .redirect(301, to: "/pong") : .redirect(302, to: "/ping")
        }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/ping").absoluteString))
        let failure = try #require(result.failure)
        #expect(failure.kind == .redirectLoop)
        #expect(failure.message.contains("/ping"))
        #expect(server.requests.count == 2)
    }

    @Test("An endless chain of fresh URLs stops at the redirect limit")
    func tooMany() async throws {
        let server = try LocalHTTPServer { request in
            let n = Int(request.path.dropFirst()) ?? 0
            return .redirect(307, to: "/\(n + 1)")
        }
        var settings = quickSettings()
        settings.maxRedirects = 4
        let result = await FeedFetcher(settings: settings).fetch(FetchRequest(url: server.url("/0").absoluteString))
        #expect(result.failure?.kind == .tooManyRedirects)
        #expect(server.requests.count == 5)
    }
}
