import Foundation
import Testing
import FeedFetching
import LocalHTTPServer

@Suite("Autodiscovery")
struct DiscoveryTests {
    @Test("An HTML page served over HTTP is seen as HTML and its feed links are found")
    func servedPage() async throws {
        let page = Fixture.data("page-avec-liens.html")
        let server = try LocalHTTPServer { _ in HTTPReply(headers: [("Content-Type", "text/html; charset=UTF-8")], body: .bytes(page)) }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/").absoluteString))
        let body = try #require(result.body)
        #expect(body.looksLikeHTML)
        let links = FeedLinkScanner.feedLinks(in: body.data, pageURL: body.finalURL)
        #expect(links == [
            DiscoveredFeed(url: server.url("/site/feed/").absoluteString, type: "application/rss+xml", title: "Web à Québec » Flux"),
            DiscoveredFeed(url: "https://waq.example/atom.xml", type: "application/atom+xml", title: "Web à Québec – Atom"),
            // The title carried a newline and an escape sequence: both are gone.
            DiscoveredFeed(url: server.url("/feed.json").absoluteString, type: "application/feed+json", title: "JSON [31m"),
        ])
    }

    @Test("A feed is not mistaken for an HTML page")
    func feedIsNotHTML() {
        #expect(!FeedLinkScanner.startsLikeHTML(Fixture.data("quebec-numerique.xml")))
        #expect(FeedLinkScanner.startsLikeHTML(Data("\u{FEFF}  <!doctype HTML><html>".utf8)))
        #expect(FeedLinkScanner.feedLinks(in: Fixture.data("quebec-numerique.xml"), pageURL: URL(string: "https://x.example/")!).isEmpty)
    }
}
