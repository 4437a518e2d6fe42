import Foundation
import Testing
@testable import FeedParsing

private func fixture(_ name: String) throws -> Data {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/opml/\(name)", withExtension: nil))
    return try Data(contentsOf: url)
}

private func read(_ name: String) throws -> OPMLDocument {
    try OPMLDocument(parsing: fixture(name), source: name)
}

// A desktop reader's OPML 1.0 export: folders become tags the way newsboat imports them.
@Test("Folders of an OPML 1.0 export become tags, nested folders joined with a slash")
func readerExportWithFolders() throws {
    let document = try read("reader-folders-1.0.opml")
    #expect(document.title == "Abonnements de Geneviève")
    #expect(document.outlines.map(\.name) == ["Le Devoir", "Techno", "Actualités", "Portail Québec.ca"])
    #expect(document.outlines[1].children[2].children[0].xmlURL == "https://www.meetup.com/montrealjs/events/rss/")
    #expect(document.feeds == [
        OPMLFeedEntry(url: "https://www.ledevoir.com/rss/manchettes.xml", title: "Le Devoir"),
        // Filed in two folders: one entry, both tags, the first title.
        OPMLFeedEntry(url: "https://quebecnumerique.com/feed/", title: "Québec numérique", tags: ["Techno", "Actualités"]),
        OPMLFeedEntry(url: "https://webaquebec.org/feed", title: "Web à Québec", tags: ["Techno"]),
        // Only a title attribute, as newsboat's own export writes.
        OPMLFeedEntry(url: "https://www.meetup.com/montrealjs/events/rss/", title: "Montréal JS", tags: ["Techno/Communautés"]),
        // xmlURL in another case, an escaped & in it, NBSPs inside the guillemets kept.
        OPMLFeedEntry(url: "https://exemple.qc.ca/flux?format=rss&lang=fr", title: "«\u{A0}L’informatique à Québec\u{A0}»",
                      tags: ["Techno/Communautés"]),
        OPMLFeedEntry(url: "https://ici.radio-canada.ca/rss/4159", title: "Radio-Canada Info", tags: ["Actualités"]),
    ])
}

@Test("OPML 2.0 categories become tags, slash paths kept whole without the leading slash")
func categoriesBecomeTags() throws {
    let document = try read("categories-2.0.opml")
    #expect(document.title == "Flux des communautés techno du Québec")
    #expect(document.outlines[1].categories == ["/Actualités/Société", "nouvelles"])
    #expect(document.feeds == [
        OPMLFeedEntry(url: "https://quebecnumerique.com/feed/", title: "Québec numérique", tags: ["techno", "québec"]),
        OPMLFeedEntry(url: "https://www.ledevoir.com/rss/section/societe.xml", title: "Le Devoir — Société",
                      tags: ["Actualités/Société", "nouvelles"]),
        OPMLFeedEntry(url: "https://exemple.org/balado.rss", title: "Balado « Les Technos »", tags: ["balados"]),
        OPMLFeedEntry(url: "https://exemple.org/atom.xml", title: "Sans étiquette"),
    ])
}

// Found by make fuzz (fuzz-opml): "Tech / /" lost one slash and kept a blank, which the next import trimmed, so
// each export and import changed the tag again.
@Test("Slashes and the blanks between them come off a category's ends at once, so export and import agree")
func categorySlashesAndBlanks() throws {
    let document = try read("categories-slashes-blanks.opml")
    #expect(document.feeds == [OPMLFeedEntry(url: "https://quebecnumerique.com/feed/", title: "Québec numérique",
                                             tags: ["Tech", "Québec", "a / b"])])
    let xml = OPMLDocument(title: nil, feeds: document.feeds).xml(dateCreated: exportDate)
    #expect(try OPMLDocument(parsing: Data(xml.utf8), source: "export.opml").feeds == document.feeds)
}

// Hand-edited files are recovered, and what they carry is cleaned before it can reach a screen.
@Test("A malformed OPML file is recovered, raw ampersands kept, control and bidi-override characters removed")
func malformedIsRecovered() throws {
    let document = try read("malformed-recovered.opml")
    #expect(document.title == "Mes flux & mes balados")
    #expect(document.feeds == [
        OPMLFeedEntry(url: "https://exemple.ca/flux?a=1&b=2", title: "Montréal & environs"),
        // The right-to-left override would have shown "Piègeexe.txt"; it is gone.
        OPMLFeedEntry(url: "https://exemple.ca/piege.xml", title: "Piègetxt.exe", tags: ["Dossier"]),
        // A raw BEL byte: removed, the outline kept.
        OPMLFeedEntry(url: "https://exemple.ca/cloche.xml", title: "Lignecloche", tags: ["Dossier"]),
        // Never closed, so inside the previous feed: it keeps that feed's folders. &egrave; is decoded.
        OPMLFeedEntry(url: "https://exemple.ca/apres.xml", title: "Après la cloche", tags: ["Dossier"]),
    ])
}

@Test("French titles in ISO-8859-1, declared or not, come out as Unicode", arguments: [
    "french-iso-8859-1.opml", "french-latin1-undeclared.opml",
])
func latin1French(name: String) throws {
    let document = try read(name)
    #expect(document.title == "Fils de nouvelles en français")
    #expect(document.feeds == [
        OPMLFeedEntry(url: "https://exemple.qc.ca/gaspésie.rss", title: "« Gaspésie » : nouvelles", tags: ["Régions"]),
        OPMLFeedEntry(url: "https://exemple.qc.ca/société.rss", title: "Société et culture à Québec", tags: ["Régions"]),
    ])
}

@Test("A file that is not OPML is refused with one line naming it and why", arguments: [
    ("not-opml-rss.xml", "not-opml-rss.xml: not an OPML file (it is a feed, not a list of feeds; add its URL instead)"),
    ("not-opml-text.txt", "not-opml-text.txt: not an OPML file (no XML in it)"),
])
func notOPML(name: String, message: String) throws {
    let data = try fixture(name)
    #expect(throws: OPMLError(message)) { try OPMLDocument(parsing: data, source: name) }
}

@Test("Empty input and an HTML page are refused as not OPML")
func emptyAndHTML() {
    #expect(throws: OPMLError("vide.opml: not an OPML file (it is empty)")) {
        try OPMLDocument(parsing: Data(" \n".utf8), source: "vide.opml")
    }
    #expect(throws: OPMLError("page.html: not an OPML file (it is an HTML page)")) {
        try OPMLDocument(parsing: Data("<html><body><p>Bonjour</p></body></html>".utf8), source: "page.html")
    }
}

private let exportDate = Date(timeIntervalSince1970: 1_731_596_400)  // 2024-11-14T15:00:00Z

@Test("Exported feeds read back as the same entries")
func roundTrip() throws {
    let feeds = [
        OPMLFeedEntry(url: "https://quebecnumerique.com/feed/", title: "Québec numérique", tags: ["techno", "Techno/Communautés"]),
        OPMLFeedEntry(url: "https://exemple.qc.ca/flux?format=rss&lang=fr&q=\"é\"<x>",
                      title: "«\u{A0}Les \"guillemets\" & <balises> d’ici\u{A0}»", tags: ["à lire", "l’été"]),
        OPMLFeedEntry(url: "https://webaquebec.org/feed"),
    ]
    let xml = OPMLDocument(title: "Flux exportés par qnread", feeds: feeds).xml(dateCreated: exportDate)
    let back = try OPMLDocument(parsing: Data(xml.utf8), source: "export.opml")
    #expect(back.title == "Flux exportés par qnread")
    #expect(back.feeds == feeds)
}

@Test("Export writes OPML 2.0 with escaped attributes, categories and the given creation date")
func exportText() {
    let feeds = [
        OPMLFeedEntry(url: "https://exemple.qc.ca/?a=1&b=2", title: "Les \"Technos\" & <cie>", tags: ["techno", "a,b"]),
        OPMLFeedEntry(url: "https://webaquebec.org/feed"),
    ]
    let xml = OPMLDocument(title: "Mes flux & moi", feeds: feeds).xml(dateCreated: exportDate)
    #expect(xml.split(separator: "\n") == [
        #"<?xml version="1.0" encoding="UTF-8"?>"#,
        #"<opml version="2.0">"#,
        "  <head>",
        "    <title>Mes flux &amp; moi</title>",
        "    <dateCreated>Thu, 14 Nov 2024 15:00:00 GMT</dateCreated>",
        "  </head>",
        "  <body>",
        #"    <outline text="Les &quot;Technos&quot; &amp; &lt;cie&gt;" title="Les &quot;Technos&quot; &amp; &lt;cie&gt;" type="rss" xmlUrl="https://exemple.qc.ca/?a=1&amp;b=2" category="techno,a b"/>"#,
        // No title: OPML 2.0 requires text, so it shows the URL.
        #"    <outline text="https://webaquebec.org/feed" type="rss" xmlUrl="https://webaquebec.org/feed"/>"#,
        "  </body>",
        "</opml>",
    ])
}

private func names(_ outlines: [OPMLOutline]) -> [String] {
    outlines.flatMap { outline in [outline.name ?? "?"] + names(outline.children).map { "  " + $0 } }
}

// Folders survive a rewrite; only what OPML 2.0 cannot say differently changes (text is always written).
@Test("Nested outlines are written nested and read back with the same folders and feeds")
func nestedDocumentRoundTrip() throws {
    let document = try read("reader-folders-1.0.opml")
    let back = try OPMLDocument(parsing: Data(document.xml(dateCreated: exportDate).utf8), source: "copie.opml")
    #expect(back.title == document.title)
    #expect(names(back.outlines) == names(document.outlines))
    #expect(back.feeds == document.feeds)
}


// OPML files come from strangers: an external entity must never read the disk or the network.
@Test("An external entity in an OPML file is not loaded")
func externalEntityNotLoaded() throws {
    let secret = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-opml-secret-\(getpid()).txt")
    try Data("SECRET-MOT-DE-PASSE".utf8).write(to: secret)
    defer { try? FileManager.default.removeItem(at: secret) }
    let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE opml [<!ENTITY vol SYSTEM "\(secret.absoluteString)">]>
        <opml version="2.0"><head><title>&vol;</title></head>
        <body><outline text="&vol;" type="rss" xmlUrl="https://exemple.ca/&vol;"/></body></opml>
        """
    let document = try OPMLDocument(parsing: Data(xml.utf8), source: "piege.opml")
    let everything = "\(document)"
    #expect(!everything.contains("SECRET"))
    #expect(document.feeds.map(\.url).allSatisfy { $0.hasPrefix("https://exemple.ca/") })
}

@Test("An entity-expansion bomb ends quickly instead of filling memory")
func entityBomb() {
    var declarations = #"<!ENTITY a0 "rire">"#
    for level in 1...10 {
        let previous = "&a\(level - 1);"
        declarations += "<!ENTITY a\(level) \"\(String(repeating: previous, count: 10))\">"
    }
    let xml = """
        <?xml version="1.0"?><!DOCTYPE opml [\(declarations)]>
        <opml version="2.0"><head><title>&a10;</title></head><body><outline text="&a10;" xmlUrl="https://exemple.ca/"/></body></opml>
        """
    // 10^10 bytes if expanded; libxml2's amplification limit stops it. Either outcome is fine but a huge title.
    let document = try? OPMLDocument(parsing: Data(xml.utf8), source: "bombe.opml")
    #expect((document?.title?.utf8.count ?? 0) < 10_000_000)
    #expect((document?.feeds.first?.title?.utf8.count ?? 0) < 10_000_000)
}
