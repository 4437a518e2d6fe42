import Foundation
import Testing
@testable import FeedParsing

// The path of an XML feed's bytes: made UTF-8 (UTF8Input, UTF8Repair), their markup repaired (XMLMarkupRepair),
// parsed by libxml2 (SAXParser) into FeedXMLHandler. Real bytes through real libxml2, in every test.

private func repaired(_ text: String) -> String {
    String(decoding: XMLMarkupRepair(Array(text.utf8)).output, as: UTF8.self)
}

@Test("The markup repair escapes stray & and <, makes named references numeric and drops control characters")
func markupRepair() {
    #expect(repaired("<t>Q&A &eacute; &#233; &#x; &amp;lt; x<3 < &inconnu; &eacute</t>")
        == "<t>Q&amp;A &#233; &#233; &amp;#x; &#38;lt; x&lt;3 &lt; &inconnu; &amp;eacute</t>")
    #expect(repaired("<t>un\u{1B}[31m\u{07}deux\u{0B}\ttrois\r\n</t>") == "<t>un[31mdeux\ttrois\r\n</t>")
    #expect(XMLMarkupRepair(Array("Q&A < B".utf8)).strayMarkup == 2)
}

@Test("The repair finds what it looks for at every position, whatever the length around it")
func markupRepairAtEveryPosition() {
    for length in 1...40 {
        for position in 0..<length {
            func around(_ middle: String) -> String {
                String(repeating: "é", count: position) + middle + String(repeating: "a", count: length - position - 1)
            }
            #expect(repaired("<t>" + around("&") + "</t>") == "<t>" + around("&amp;") + "</t>", "& at \(position) of \(length)")
            #expect(repaired("<t>" + around("\u{1B}") + "\n</t>") == "<t>" + around("") + "\n</t>", "ESC at \(position) of \(length)")
            #expect(repaired("<![CDATA[" + around("]]>") + "&") == "<![CDATA[" + around("]]>") + "&amp;", "]]> at \(position) of \(length)")
        }
    }
}

@Test("CDATA sections, comments and processing instructions keep their & and <, but not their control characters")
func markupRepairLeavesSectionsAlone() {
    #expect(repaired("<t><![CDATA[a & b < c &eacute; ]] ]]]> d & e <!-- & < --> <?pi & < ?> f\u{1B}</t>")
        == "<t><![CDATA[a & b < c &eacute; ]] ]]]> d &amp; e <!-- & < --> <?pi & < ?> f</t>")
    #expect(repaired("<![CDATA[x\u{0B}y]]>") == "<![CDATA[xy]]>")
}

@Test("A feed cut inside a CDATA section keeps what came of the section")
func cutSectionIsKept() throws {
    let xml = "<rss version=\"2.0\"><channel><title>Coupé</title><item><title>Un</title><description><![CDATA[<p>Début de l’article"
    #expect(repaired(xml).hasSuffix("l’article]]>"))
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.last?.summary == "<p>Début de l’article")
}

@Test("A control character in a CDATA section no longer ends the feed")
func controlCharacterInSection() throws {
    let xml = "<rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[Un\u{0B}deux]]></title></item><item><title>Trois</title></item></channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.map(\.title) == ["Undeux", "Trois"])
}

@Test("A control character in a comment or in text no longer ends the feed")
func controlCharacterAnywhere() throws {
    let xml = "<rss version=\"2.0\"><!-- \u{1B} --><channel><title>Un\u{1B}[31m rouge\u{00}</title>"
        + "<item><title>Deux</title></item></channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.title == "Un[31m rouge")
    #expect(feed.items.map(\.title) == ["Deux"])
    #expect(feed.warnings.isEmpty)
}

@Test("Text after a broken attribute keeps the characters its references stand for")
func referencesAfterBrokenAttribute() throws {
    // libxml2 recovers `<title typem&gt;…` by reading on after the broken attribute name; a named reference
    // there was lost with the character before it, a numeric one is read like the text around it.
    let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title typem&gt;carnet&lt;/em&gt; de Léa</title></feed>"
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.title == ">carnet</em> de Léa")
}

@Test("Named references survive a well-formedness error earlier in the feed, in text and in attributes")
func referencesSurviveErrors() throws {
    let xml = """
    <rss version="2.0"><channel><title>Erreurs</title>
    <item><title>Un</title><description><b>gras</i></description></item>
    <item><title>Q&amp;A &eacute;t&eacute;</title><enclosure url="https://exemple.qc.ca/a.mp3?x=1&amp;y=2" type="audio/mpeg"/></item>
    </channel></rss>
    """
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.warnings.first?.hasPrefix("recovered from") == true)
    #expect(feed.items.last?.title == "Q&A été")
    #expect(feed.items.last?.enclosures.first?.url == "https://exemple.qc.ca/a.mp3?x=1&y=2")
}

@Test("Line numbers in errors are the feed's own, after long sections and repairs")
func lineNumbersAreKept() throws {
    let body = String(repeating: "ligne & \u{0B}<\n", count: 500)
    let xml = "<rss version=\"2.0\"><channel><title>Lignes</title><item><title>Un</title><description><![CDATA[\(body)]]></description></item>\n"
        + "<item><title>Q&A</title><description>\(body)</description></item>\n<item><title>Deux</title><bad attr=></item></channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.warnings.first?.contains("line 1003") == true, "\(feed.warnings)")
}

@Test("UTF-8 repair keeps valid text and reads every other byte as windows-1252, at every length")
func utf8Repair() {
    for length in 0...40 {
        let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(ascii.withUnsafeBytes { UTF8Repair.repaired($0) }.bytes == ascii)
    }
    let input: [UInt8] = Array("é’😀".utf8) + [0x92, 0x41, 0xE9, 0xC3] + [0xE0, 0x80, 0xAF] + [0xED, 0xA0, 0x80] + [0xF0, 0x9F, 0x98]
    let (bytes, count) = input.withUnsafeBytes { UTF8Repair.repaired($0) }
    #expect(String(decoding: bytes, as: UTF8.self) == "é’😀’AéÃà€¯í\u{A0}€ðŸ˜")
    #expect(count == 12)
}

@Test("An undeclared Latin-1 feed is read as windows-1252, with a warning that counts the bytes")
func latin1IsRepaired() throws {
    var bytes = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf".utf8) + [0xE9] + Array("</title>".utf8)
    for number in 1...3_000 {
        bytes += Array("<item><title>Num\(number) ".utf8) + [0xE9, 0x92] + Array("t</title><description>".utf8)
        bytes += Array(repeating: 0x61, count: 200) + [0xE0] + Array("</description></item>".utf8)
    }
    bytes += Array("</channel></rss>".utf8)
    let feed = try FeedParser().parse(Data(bytes), url: nil)
    #expect(feed.title == "Café")
    #expect(feed.items.count == 3_000)
    #expect(feed.items.last?.title == "Num3000 é’t")
    #expect(feed.warnings == ["9001 bytes were not UTF-8 and read as windows-1252"])
}

@Test("A UTF-16 feed goes through the same repairs as a UTF-8 one")
func utf16IsRepairedToo() throws {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Q&A &eacute;t&eacute; à Lévis</title></channel></rss>"
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let feed = try FeedParser().parse(Data(bytes), url: nil)
    #expect(feed.title == "Q&A été à Lévis")
    // An odd byte at the end is no UTF-16: it is counted, not fatal.
    let odd = try FeedParser().parse(Data(bytes + [0x41]), url: nil)
    #expect(odd.title == "Q&A été à Lévis")
    #expect(odd.warnings.contains("1 byte was not in the declared encoding"))
    // A high surrogate with no low one: one code unit skipped, the rest read in step.
    let broken = [UInt8](bytes[..<8]) + [0x00, 0xD8] + [UInt8](bytes[8...])
    let skipped = try FeedParser().parse(Data(broken), url: nil)
    #expect(skipped.title == "Q&A été à Lévis")
    #expect(skipped.warnings.contains("2 bytes were not in the declared encoding"))
}

/// A feed of more than a megabyte, with accents, entities, CDATA and raw "&" everywhere.
private func largeFeed(items: Int) -> Data {
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Gros flux</title><link>https://exemple.qc.ca/</link>\n"
    for number in 1...items {
        let body = String(repeating: "Été « québécois » à Lévis &amp; ailleurs ; l’équipe. ", count: 1 + number % 37)
        xml += "<item><title>Billet nº \(number) : Q&A &eacute;t&eacute;</title><link>/b/\(number)</link>"
        xml += "<description>\(body)</description><content:encoded><![CDATA[<p>\(body) & ]] ]]]></content:encoded></item>\n"
    }
    return Data((xml + "</channel></rss>\n").utf8)
}

@Test("A large feed parses whole, every item with its fields")
func largeFeedParses() throws {
    let data = largeFeed(items: 1_500)
    #expect(data.count > 1 << 20)
    let feed = try FeedParser().parse(data, url: URL(string: "https://exemple.qc.ca/flux"))
    #expect(feed.items.count == 1_500)
    #expect(feed.items.first?.title == "Billet nº 1 : Q&A été")
    #expect(feed.items.last?.link == "https://exemple.qc.ca/b/1500")
    #expect(feed.items.last?.content?.hasSuffix("l’équipe.  & ]] ]") == true)
    #expect(feed.warnings == ["kept 1500 unescaped “&” or “<” as text"])
}

@Test("A section of several megabytes comes out whole")
func hugeSectionComesOut() throws {
    let paragraph = "<p>Été « québécois » à Lévis ; l’équipe ]] a[1] ]</p>\n"
    let huge = String(repeating: paragraph, count: 5 << 20 / paragraph.utf8.count)
    let xml = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Énorme</title>"
        + "<item><title>Un</title><content:encoded><![CDATA[\(huge)]]></content:encoded></item>"
        + "<item><title>Deux</title><description><![CDATA[\(paragraph)]]></description></item></channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.map(\.title) == ["Un", "Deux"])
    #expect(feed.items.first?.content == huge.trimmingCharacters(in: .newlines))
}

@Test("A large XML document that is no feed is refused, naming its root element")
func largeNonFeedIsRefused() throws {
    let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><catalogue>"
        + String(repeating: "<livre><titre>Les Belles-sœurs</titre><auteur>Michel Tremblay</auteur></livre>\n", count: 40_000)
        + "</catalogue>"
    let error = #expect(throws: FeedParseError.self) { try FeedParser().parse(Data(document.utf8), url: nil) }
    #expect(error?.reason == "not a feed: XML document whose root element is <catalogue>, not rss, rdf:RDF or feed")
}

@Test("Items keep their authors in document order, their categories, and fifty date warnings with a count of the rest")
func itemsAreAssembled() throws {
    var xml = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    xml += "<channel><title>Billets</title><link>https://exemple.qc.ca/blogue/</link>"
    for number in 1...120 {
        xml += "<item><title>&lt;b&gt;Billet&lt;/b&gt; nº \(number)</title><link>b/\(number)</link>"
        xml += "<author>lea@exemple.qc.ca (Léa Tremblay)</author><atom:author><atom:name>Éloi Roy</atom:name></atom:author>"
        xml += "<author>marc@exemple.qc.ca (Marc Côté)</author><category>Québec</category><dc:subject>libre</dc:subject>"
        xml += "<pubDate>\(number % 2 == 0 ? "jeu. 14 nov. 2024 10:00:00 -0500" : "la veille")</pubDate></item>"
    }
    let feed = try FeedParser().parse(Data((xml + "</channel></rss>").utf8), url: nil)
    let item = feed.items[1]
    #expect(item.title == "Billet nº 2")
    #expect(item.link == "https://exemple.qc.ca/blogue/b/2")
    #expect(item.authors.map(\.name) == ["Léa Tremblay", "Éloi Roy", "Marc Côté"])
    #expect(item.categories == ["Québec", "libre"])
    #expect(item.published != nil)
    #expect(feed.warnings.first == "unparseable date “la veille” in item 1")
    #expect(feed.warnings.count == 51)
    #expect(feed.warnings.last == "… and 10 more warnings like these")
}

@Test("Whatever bytes and references a feed holds, its text comes out as valid Strings")
func hostileBytesGiveValidText() throws {
    var bytes = Array("<rss version=\"2.0\"><channel><title>Octets</title>".utf8)
    let hostile: [[UInt8]] = [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80, 0xBF], [0xF0, 0x9F, 0x98],
        Array("&#xD800; &#0; &#x110000; &#xFFFE; &eacute; 😀 « été »".utf8),
    ]
    for (number, piece) in hostile.enumerated() {
        bytes += Array("<item><title>n\(number) ".utf8) + piece + Array("</title><description>".utf8) + piece
        bytes += Array("</description><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[".utf8)
        bytes += piece + Array("]]></content:encoded></item>".utf8)
    }
    bytes += Array("</channel></rss>".utf8)
    let feed = try FeedParser().parse(Data(bytes), url: nil)
    #expect(feed.items.count == hostile.count)
    for item in feed.items {
        for text in [item.title, item.summary, item.content].compactMap({ $0 }) {
            #expect(String(validating: Array(text.utf8), as: UTF8.self) == text)
        }
    }
    #expect(feed.items.last?.content?.contains("😀 « été »") == true)
}
