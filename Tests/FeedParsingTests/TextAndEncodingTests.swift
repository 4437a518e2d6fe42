import Foundation
import Testing
@testable import FeedParsing

@Test("Plain text decodes entities, drops markup, collapses white space and keeps no-break spaces")
func plainTextFromHTML() {
    #expect(PlainText.fromHTML("  <p>L&rsquo;&eacute;t&eacute;\n\n<b>à</b>&#160;Québec&#x202F;!</p> ") == "L’été à\u{A0}Québec\u{202F}!")
    #expect(PlainText.fromHTML("a < b &amp;&amp; c > d") == "a < b && c > d")
    #expect(PlainText.fromHTML("<script>alert(1)</script>Texte<style>p{}</style>") == "Texte")
    // Unknown names stay as written; the Latin-1 names are read without their ";" too, as browsers read them.
    #expect(PlainText.fromHTML("&inconnu; &amp") == "&inconnu; &")
    #expect(PlainText.fromHTML("How <script> tags block rendering") == "How tags block rendering")
    #expect(PlainText.fromHTML(" <br/> ") == nil)
}

@Test("Plain text removes C0 and C1 controls and bidi overrides and isolates; NEL is a line break")
func plainTextRemovesUnsafeCharacters() {
    #expect(PlainText.fromText("Avant\u{1B}[31m rouge\u{07}\u{85}\u{9B}2J\u{202E}txet\u{2066}x\u{2069}") == "Avant[31m rouge 2Jtxetx")
    #expect(PlainText.sanitized("ligne\nsuivante\u{202D}") == "lignesuivante")
    #expect(PlainText.fromText("un\ndeux\ttrois") == "un deux trois")
    #expect(PlainText.fromText("\u{200F}été\u{2028}hiver\u{061C}") == "été hiver")
}

@Test("The HTTP charset is used when the document declares none, and a declaration wins over it")
func httpCharset() throws {
    let latin1 = Array("<rss version=\"2.0\"><channel><title>Théâtre à Montréal</title></channel></rss>".utf8)
    let bytes = Data(String(decoding: latin1, as: UTF8.self).data(using: .isoLatin1)!)
    #expect(try FeedParser().parse(bytes, url: nil, httpCharset: "ISO-8859-1").title == "Théâtre à Montréal")
    let koi8 = Data([0x3C, 0x72, 0x73, 0x73, 0x3E]) + Data("<channel><title>".utf8) + Data([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]) + Data("</title></channel></rss>".utf8)
    #expect(try FeedParser().parse(koi8, url: nil, httpCharset: "KOI8-R").title == "Привет")
    let declared = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>Été</title></channel></rss>".utf8)
    #expect(try FeedParser().parse(declared, url: nil, httpCharset: "iso-8859-1").title == "Été")
}

@Test("A date that cannot be read is left out with a warning naming it")
func unparseableDateWarns() throws {
    let xml = "<rss version=\"2.0\"><channel><title>Dates</title><item><title>Un</title><pubDate>hier soir</pubDate></item></channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.first?.published == nil)
    #expect(feed.warnings.contains("unparseable date “hier soir” in item 1"))
}

@Test("Entities still come out after a well-formedness error earlier in the feed")
func entitiesSurviveEarlierErrors() throws {
    let xml = """
    <rss version="2.0"><channel><title>Erreurs</title>
    <item><title>Premier</title><description>un < deux, <b>gras</i></description></item>
    <item><title>L&rsquo;&eacute;t&eacute; &amp; l&#8217;hiver</title></item></channel></rss>
    """
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.map(\.title) == ["Premier", "L’été & l’hiver"])
    #expect(feed.items.first?.summary == "un < deux, <b>gras</b>")
    #expect(feed.warnings.first?.hasPrefix("recovered from") == true)
    #expect(feed.warnings.contains("kept 1 unescaped “&” or “<” as text"))
}

@Test("People written the RSS way are split into name and address")
func rssPeople() {
    #expect(PersonText.parse("lea@exemple.qc.ca (Léa Tremblay)") == ParsedPerson(name: "Léa Tremblay", email: "lea@exemple.qc.ca"))
    #expect(PersonText.parse("Léa Tremblay (lea@exemple.qc.ca)") == ParsedPerson(name: "Léa Tremblay", email: "lea@exemple.qc.ca"))
    #expect(PersonText.parse("Léa Tremblay <lea@exemple.qc.ca>") == ParsedPerson(name: "Léa Tremblay", email: "lea@exemple.qc.ca"))
    #expect(PersonText.parse("lea@exemple.qc.ca") == ParsedPerson(email: "lea@exemple.qc.ca"))
    #expect(PersonText.parse("L’équipe") == ParsedPerson(name: "L’équipe"))
}

@Test("JSON output escapes every control and bidi character and omits empty values")
func jsonOutputIsTerminalSafe() {
    var feed = ParsedFeed(format: .rss20, title: "Titre")
    feed.items = [ParsedItem(title: "", summary: "<p>\u{1B}[2J\u{9B}\u{202E}\u{2028}</p>", categories: [])]
    let json = feed.jsonText(pretty: false)
    #expect(json == #"{"format":"rss2.0","title":"Titre","items":[{"summary":"<p>\u001b[2J\u009b\u202e\u2028</p>"}]}"#)
    #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: 1_731_596_400)) == "2024-11-14T15:00:00Z")
}

@Test("A feed with thousands of bad dates keeps fifty warnings and counts the rest")
func warningsAreCapped() throws {
    let items = (1...200).map { "<item><title>n\($0)</title><pubDate>demain \($0)</pubDate></item>" }.joined()
    let feed = try FeedParser().parse(Data("<rss version=\"2.0\"><channel><title>Dates</title>\(items)</channel></rss>".utf8), url: nil)
    #expect(feed.items.count == 200)
    #expect(feed.warnings.count == 51)
    #expect(feed.warnings.last == "… and 150 more warnings like these")
}

@Test("Clean text comes back as it is, and one unsafe character anywhere in it is still removed")
func cleanTextFastPath() {
    let clean = "L’été « à » Québec\u{A0}: 2\u{202F}°C"
    #expect(PlainText.fromText(clean) == clean)
    #expect(PlainText.sanitized(clean) == clean)
    for unsafe in ["\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{202A}", "\u{202E}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{2066}", "\u{2069}"] {
        for text in [unsafe + clean, "L’été « à »" + unsafe + " Québec\u{A0}: 2\u{202F}°C", clean + unsafe] {
            #expect(PlainText.fromText(text) == clean, "\(unsafe.unicodeScalars.first!.value)")
            #expect(PlainText.sanitized(text) == clean, "\(unsafe.unicodeScalars.first!.value)")
        }
    }
    #expect(PlainText.fromText("été  hiver ") == "été hiver")
    #expect(PlainText.fromText("été\u{2028}hiver") == "été hiver")
    #expect(PlainText.sanitized("été\u{2028}hiver") == "été\u{2028}hiver")
}

@Test("An address with a line break or two @ is taken for a name")
func personTextRejectsOddAddresses() {
    #expect(PersonText.parse("lea@exemple.qc.ca\u{2028}x").email == nil)
    #expect(PersonText.parse("lea@exemple@qc.ca").email == nil)
    #expect(PersonText.parse("@exemple.qc.ca").email == nil)
    #expect(PersonText.parse("Léa (lea@exemple.qc.ca)").email == "lea@exemple.qc.ca")
}

@Test("An escaped ampersand in an attribute comes out as one ampersand, other text in it untouched")
func ampersandInAttributes() throws {
    let feed = Data("""
        <rss version="2.0"><channel><title>Balado</title><item><title>Épisode 1</title>
        <enclosure url="https://exemple.qc.ca/balado.mp3?a=1&amp;b=2&amp;amp;c=&#38;#38;" length="42" type="audio/mpeg"/>
        <enclosure url="https://exemple.qc.ca/é&amp;è.ogg" type="audio/ogg"/>
        </item></channel></rss>
        """.utf8)
    let item = try #require(try FeedParser().parse(feed, url: nil).items.first)
    #expect(item.enclosures.map(\.url) == ["https://exemple.qc.ca/balado.mp3?a=1&b=2&amp;c=&#38;",
                                           "https://exemple.qc.ca/é&è.ogg"])
}

// A plain-text body reached the reader as one paragraph: its line breaks were spaces once stored as HTML.
@Test("Plain-text bodies (JSON content_text, Atom type=\"text\") keep their paragraphs and line breaks as markup")
func plainTextBodiesKeepLines() throws {
    let json = #"""
    {"version": "https://jsonfeed.org/version/1.1", "title": "Carnet", "items": [{"id": "1",
     "content_text": "Bonjour à tous,\n\nLa rencontre a lieu mardi.\nApportez un portable & un café.\r\n\r\n\r\nÀ bientôt\u00a0!",
     "summary": "Un < deux"}]}
    """#
    let item = try #require(try FeedParser().parse(Data(json.utf8), url: nil).items.first)
    #expect(item.content == "<p>Bonjour à tous,</p><p>La rencontre a lieu mardi.<br>Apportez un portable &amp; un café.</p><p>À bientôt\u{A0}!</p>")
    #expect(item.summary == "Un &lt; deux", "one line stays as it was")
    let atom = """
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Carnet</title><entry><id>a</id><title>Texte</title>
    <content type="text">Première ligne
    deuxième ligne

    Second paragraphe</content></entry></feed>
    """
    let entry = try #require(try FeedParser().parse(Data(atom.utf8), url: nil).items.first)
    #expect(entry.content == "<p>Première ligne<br>deuxième ligne</p><p>Second paragraphe</p>")
}
