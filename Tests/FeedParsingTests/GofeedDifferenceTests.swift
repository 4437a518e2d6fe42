import Foundation
import Testing
@testable import FeedParsing

// Where qnread reads a feed differently from gofeed on purpose (the 4 conformance pairs that do not pass).

@Test("The first RSS <link> is the link; a later <link href> does not replace it (gofeed prefers the href)")
func firstRSSLinkWins() throws {
    let xml = """
    <rss version="2.0"><channel><title>Liens</title><link>https://exemple.qc.ca/</link><link href="https://autre.exemple.qc.ca/"/>
    <item><title>Un</title><link>https://exemple.qc.ca/un</link><link href="https://autre.exemple.qc.ca/un"/></item></channel></rss>
    """
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.link == "https://exemple.qc.ca/")
    #expect(feed.items.first?.link == "https://exemple.qc.ca/un")
}

@Test("Every dc:creator of an item is one of its authors (gofeed keeps only the first)")
func everyCreatorIsAnAuthor() throws {
    let xml = """
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Auteurs</title>
    <item><title>À deux</title><dc:creator>Léa Tremblay</dc:creator><dc:creator>Émile Gagnon</dc:creator></item></channel></rss>
    """
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.first?.authors.map(\.name) == ["Léa Tremblay", "Émile Gagnon"])
}
