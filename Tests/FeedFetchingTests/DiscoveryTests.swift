import Foundation
import Testing
import FeedFetching
import FeedParsing
import LocalHTTPServer

@Suite("Autodiscovery")
struct DiscoveryTests {
    @Test("An HTML page served over HTTP is seen as HTML and its feed links are found, titles as plain text")
    func servedPage() async throws {
        let page = Fixture.data("page-avec-liens.html")
        let server = try LocalHTTPServer { _ in HTTPReply(headers: [("Content-Type", "text/html; charset=UTF-8")], body: .bytes(page)) }
        let result = await FeedFetcher(settings: quickSettings()).fetch(FetchRequest(url: server.url("/").absoluteString))
        let body = try #require(result.body)
        #expect(HTMLFeedLinks.isWebPage(body.data))
        let links = HTMLFeedLinks.feeds(in: body.data, pageURL: body.finalURL)
        #expect(links == [
            DiscoveredFeed(url: server.url("/site/feed/").absoluteString, type: "application/rss+xml", title: "Web à Québec » Flux"),
            DiscoveredFeed(url: "https://waq.example/atom.xml", type: "application/atom+xml", title: "Web à Québec – Atom"),
            // The title carried a newline and an escape sequence: no control character is left (libxml2's HTML
            // parser drops the invalid character reference and what follows it).
            DiscoveredFeed(url: server.url("/feed.json").absoluteString, type: "application/feed+json", title: "JSON"),
        ])
    }

    @Test("A feed is not mistaken for an HTML page")
    func feedIsNotHTML() {
        #expect(!HTMLFeedLinks.isWebPage(Fixture.data("quebec-numerique.xml")))
        #expect(HTMLFeedLinks.isWebPage(Data("\u{FEFF}  <!doctype HTML><html>".utf8)))
        #expect(HTMLFeedLinks.feeds(in: Fixture.data("quebec-numerique.xml"), pageURL: URL(string: "https://x.example/")!).isEmpty)
    }
}
