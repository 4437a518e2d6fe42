import Foundation
import Testing
@testable import FeedParsing

// Inputs that are not feeds fail with one line that names the input and says why.

private func reason(_ text: String, url: String = "https://exemple.qc.ca/page") -> String? {
    do {
        _ = try FeedParser().parse(Data(text.utf8), url: URL(string: url))
        return nil
    } catch let error as FeedParseError {
        return error.message
    } catch {
        return "unexpected \(error)"
    }
}

@Test("An HTML page is named as such, with the feed links it advertises made absolute")
func htmlPageListsItsFeeds() {
    let page = """
    <!DOCTYPE html>
    <html lang="fr"><head><title>Québec numérique</title>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="Flux" href="/feed/">
    <link rel="alternate" type="application/atom+xml" href="https://exemple.qc.ca/atom.xml">
    <link rel="alternate" type="application/feed+json" href="feed.json">
    </head><body><p>Bienvenue&nbsp;!</p></body></html>
    """
    #expect(reason(page, url: "https://exemple.qc.ca/blogue/") ==
        "https://exemple.qc.ca/blogue/: not a feed: HTML page; it links to https://exemple.qc.ca/feed/, https://exemple.qc.ca/atom.xml, https://exemple.qc.ca/blogue/feed.json")
}

@Test("An HTML page without feed links says so")
func htmlPageWithoutFeeds() {
    #expect(reason("<html><head><title>Accueil</title></head><body>Rien ici</body></html>") ==
        "https://exemple.qc.ca/page: not a feed: HTML page, and it links to no feed")
}

@Test("XHTML served as XML is recognised as a page, not a feed")
func xhtmlPage() {
    let page = """
    <?xml version="1.0" encoding="UTF-8"?>
    <html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="alternate" type="application/rss+xml" href="/rss"/></head><body/></html>
    """
    #expect(reason(page) == "https://exemple.qc.ca/page: not a feed: HTML page; it links to https://exemple.qc.ca/rss")
}

@Test("Other junk gets one clear line")
func otherJunk() {
    #expect(reason("") == "https://exemple.qc.ca/page: not a feed: the file is empty")
    #expect(reason("   \n ") == "https://exemple.qc.ca/page: not a feed: the file is empty")
    #expect(reason("Bonjour, ceci n’est pas un flux.") == "https://exemple.qc.ca/page: not a feed: neither XML, JSON nor HTML")
    #expect(reason("<note><to>Léa</to></note>")?.hasSuffix("not a feed: XML document whose root element is <note>, not rss, rdf:RDF or feed") == true)
    #expect(reason("{\"titre\": \"pas un flux\"") == "https://exemple.qc.ca/page: not a feed: invalid JSON")
    #expect(reason("{\"title\": \"sans version\"}") == "https://exemple.qc.ca/page: not a feed: JSON without a JSON Feed \"version\"")
    #expect(reason("[1, 2]") == "https://exemple.qc.ca/page: not a feed: JSON, but not a JSON Feed object")
}

@Test("Autodiscovery keeps http(s) feed links from the head only, with their type and title")
func discoveredFeeds() {
    let page = Data("""
        <html><head><title>Québec.IO</title>
        <link rel="alternate" type="application/xml" title=" Québec.IO :  nouvelles " href="/nouvelles.xml">
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
        <link rel="alternate" type="application/json" href="https://quebec.example/flux.json">
        </head><body><link rel="alternate" type="application/rss+xml" href="/corps.xml"></body></html>
        """.utf8)
    #expect(HTMLFeedLinks.feeds(in: page, pageURL: URL(string: "https://quebec.example/blogue/")) == [
        DiscoveredFeed(url: "https://quebec.example/nouvelles.xml", type: "application/xml", title: "Québec.IO : nouvelles"),
        DiscoveredFeed(url: "https://quebec.example/flux.json", type: "application/feed+json"),
    ])
    // A page read from a file, with no URL: a relative link stays as written.
    #expect(HTMLFeedLinks.feeds(in: page, pageURL: nil).map(\.url) == ["/nouvelles.xml", "https://quebec.example/flux.json"])
}
