import Foundation
import Testing
@testable import FeedParsing

// Long CDATA sections go around libxml2 (CDataSideline). Whatever goes around it, the feed must come out as
// if libxml2 had read every byte itself.

private func parser(sidelining shortest: Int?) -> FeedParser {
    var parser = FeedParser()
    parser.sidelinedCDATA = shortest
    return parser
}

/// In memory and streamed from a file, with long sections sidelined (as usual), every section (0), and
/// none (nil, unless `withoutKept`). Without sidelining, broken inputs do not always parse alike in memory
/// and streamed: libxml2 hands on a CDATA section cut by the end of input, or one with a control character,
/// in pieces whose size depends on how it was fed.
private func parsedManyWays(_ data: Data, url: URL? = nil, withoutKept: Bool = false) throws -> [(label: String, feed: ParsedFeed?)] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-sideline-\(UUID().uuidString).xml")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    var results: [(label: String, feed: ParsedFeed?)] = []
    let ways: [Int?] = withoutKept ? [CDataSideline.usualShortest, 0] : [CDataSideline.usualShortest, 0, nil]
    for shortest in ways {
        let name = shortest.map { "sidelined from \($0) bytes" } ?? "kept"
        results.append(("\(name), in memory", try? parser(sidelining: shortest).parse(data, url: url)))
        var items: [ParsedItem] = []
        var streamed = try? parser(sidelining: shortest).parseFile(at: file.path, url: url) { items.append($0) }
        streamed?.items = items
        results.append(("\(name), streamed", streamed))
    }
    return results
}

private func expectAlike(_ data: Data, _ label: String, url: URL? = nil, withoutKept: Bool = false) throws {
    let results = try parsedManyWays(data, url: url, withoutKept: withoutKept)
    let reference = results[0]
    for other in results.dropFirst() {
        #expect(other.feed == reference.feed, "\(label): \(other.label) differs from \(reference.label)")
    }
}

@Test("Every fixture feed parses the same with its CDATA sections sidelined", arguments: Fixtures.feedPaths.filter { $0.hasSuffix(".xml") })
func fixturesAlikeSidelined(path: String) throws {
    try expectAlike(try Fixtures.data(path), path, url: Fixtures.fetchURL(path))
}

/// An RSS feed whose bodies are CDATA sections of every length, some with "]" and "]]" inside, some over
/// several lines, and one longer than a read chunk.
private func cdataFeed() -> Data {
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Sections</title>\n"
    for number in 0..<120 {
        let paragraph = "<p>Été « québécois » à Lévis ; l’équipe ]] a[1] ]</p>\n"
        let body = number == 60 ? String(repeating: paragraph, count: 6_000) : String(repeating: paragraph, count: number % 9)
        xml += "<item><title><![CDATA[Billet \(number) : « \(number) »]]></title><link>https://exemple.qc.ca/\(number)</link>"
        xml += "<description><![CDATA[\(body)]]> et <![CDATA[ suite ]]></description>"
        xml += "<content:encoded>\n  <![CDATA[\(body)]]>\n</content:encoded></item>\n"
    }
    return Data((xml + "</channel></rss>\n").utf8)
}

@Test("Sections of every length, one longer than a chunk, come out whole")
func sectionsComeOutWhole() throws {
    let data = cdataFeed()
    try expectAlike(data, "cdata feed")
    let feed = try parser(sidelining: 0).parse(data, url: nil)
    #expect(feed.items.count == 120)
    #expect(feed.items[60].content?.count ?? 0 > 300_000)
    #expect(feed.items[5].title == "Billet 5 : « 5 »")
    #expect(feed.items[3].content?.hasPrefix("<p>Été « québécois » à Lévis ; l’équipe ]] a[1] ]</p>") == true)
}

@Test("A section too long to sideline goes back to libxml2 whole")
func hugeSectionGoesBack() throws {
    let paragraph = "<p>Été « québécois » à Lévis ; l’équipe ]] a[1] ]</p>\n"
    let huge = String(repeating: paragraph, count: CDataSideline.longest / paragraph.utf8.count + 2_000)
    let xml = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Énorme</title>"
        + "<extra><![CDATA[\(huge)]]></extra><item><title>Un</title><content:encoded><![CDATA[\(huge)]]></content:encoded></item>"
        + "<item><title>Deux</title><description><![CDATA[\(paragraph)]]></description></item></channel></rss>"
    try expectAlike(Data(xml.utf8), "huge sections")
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.map(\.title) == ["Un", "Deux"])
    #expect(feed.items.first?.content == huge.trimmingCharacters(in: .newlines))
}

@Test("A feed cut anywhere, even inside a section, parses the same however its sections go")
func cutFeedsAlike() throws {
    let whole = [UInt8](cdataFeed().prefix(9_000))
    for end in stride(from: 300, to: whole.count, by: 37) {
        try expectAlike(Data(whole[..<end]), "cut at \(end)", withoutKept: true)
    }
    // Cut inside a body: what came of it is kept.
    let cut = String(decoding: cdataFeed(), as: UTF8.self).components(separatedBy: "Billet 4 :")[0] + "Billet 4 : « 4 »]]></title><description><![CDATA[<p>Début de l’article"
    let feed = try FeedParser().parse(Data(cut.utf8), url: nil)
    #expect(feed.items.last?.summary == "<p>Début de l’article")
}

@Test("A processing instruction that looks like a marker is not one")
func forgedMarkerIsIgnored() throws {
    let body = String(repeating: "Texte de l’article. ", count: 40)
    for forged in ["<?qnread-cdata 0000000000000000 0?>", "<?qnread-cdata 0?>", "<?qnread-cdata?>"] {
        let xml = "<rss version=\"2.0\"><channel><title>Faux</title><item><title>Un</title>"
            + "<description>avant \(forged)après</description><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[\(body)]]></content:encoded></item></channel></rss>"
        try expectAlike(Data(xml.utf8), forged)
        let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
        #expect(feed.items.first?.summary == "avant après")
        #expect(feed.items.first?.content == body.trimmingCharacters(in: .whitespaces))
    }
}

@Test("Line numbers after a long section are the ones libxml2 would give")
func lineNumbersAreKept() throws {
    let body = String(repeating: "ligne\n", count: 500)
    let xml = "<rss version=\"2.0\"><channel><title>Lignes</title><item><title>Un</title><description><![CDATA[\(body)]]></description></item>\n<item><title>Deux</title><bad attr=></item></channel></rss>"
    let results = try parsedManyWays(Data(xml.utf8))
    let warnings = results.map { $0.feed?.warnings ?? [] }
    #expect(warnings.allSatisfy { $0 == warnings[0] })
    #expect(warnings[0].first?.contains("line 502") == true, "\(warnings[0])")
}

@Test("Sections in a DOCTYPE, before the root and in comments stay where they are")
func sectionsOutsideContentStay() throws {
    let long = String(repeating: "x", count: 400)
    let inputs = [
        "<!DOCTYPE rss [<!ENTITY corps \"<![CDATA[\(long)]]>\">]><rss version=\"2.0\"><channel><title>T</title><item><title>Un</title><description>&corps;</description></item></channel></rss>",
        "<![CDATA[\(long)]]><rss version=\"2.0\"><channel><title>T</title><item><title>Un</title></item></channel></rss>",
        "<rss version=\"2.0\"><channel><title>T</title><!-- <![CDATA[\(long)]]> --><item><title>Un</title><description>a<!-- <![CDATA[ -->b</description></item></channel></rss>",
        "<rss version=\"2.0\"><channel><title>T</title><item><title>Un</title><description><![CDATA[\(long)]]></description></item></channel></rss><![CDATA[\(long)]]>",
    ]
    for xml in inputs {
        try expectAlike(Data(xml.utf8), String(xml.prefix(40)))
    }
}

@Test("A control character in a CDATA section no longer ends the feed")
func controlCharacterInSection() throws {
    let xml = "<rss version=\"2.0\"><channel><title>T</title><item><title><![CDATA[Un\u{0B}deux]]></title></item><item><title>Trois</title></item></channel></rss>"
    try expectAlike(Data(xml.utf8), "vertical tab", withoutKept: true)
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    #expect(feed.items.map(\.title) == ["Undeux", "Trois"])
    // libxml2 alone stops at the character, and the second item is lost.
    #expect(try parser(sidelining: nil).parse(Data(xml.utf8), url: nil).items.count < 2)
}

@Test("Seeded mutations of a feed full of sections parse the same however its sections go")
func mutatedSectionsAlike() throws {
    let original = [UInt8](cdataFeed().prefix(12_000))
    let inserts: [[UInt8]] = [Array("<![CDATA[".utf8), Array("]]>".utf8), Array("]".utf8), Array("<!--".utf8), Array("-->".utf8),
                              Array("<?".utf8), Array("?>".utf8), Array("<item>".utf8), Array("</item>".utf8), [0xC3], Array("&".utf8)]
    var mutations = SeededMutations(seed: 0x2545_F491_4F6C_DD1D, inserts: inserts, byteBound: 128, mostEdits: 6)
    for round in 0..<60 {
        let bytes = mutations.mutated(original)
        try expectAlike(Data(bytes), "round \(round)", withoutKept: true)
    }
}
