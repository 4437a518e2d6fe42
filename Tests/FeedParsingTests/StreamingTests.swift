import Foundation
import Testing
@testable import FeedParsing

// parseFile streams: it must see exactly what parse sees, whatever the chunk boundaries.

private func temporaryFile(_ data: Data) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-stream-\(UUID().uuidString).xml")
    try data.write(to: url)
    return url
}

/// `data` parsed in memory and streamed from a file: the whole feed, the streamed header and its items.
private func parsedBothWays(_ data: Data, url: URL? = nil) throws -> (whole: ParsedFeed, header: ParsedFeed, streamed: [ParsedItem]) {
    let file = try temporaryFile(data)
    defer { try? FileManager.default.removeItem(at: file) }
    let whole = try FeedParser().parse(data, url: url)
    var streamed: [ParsedItem] = []
    let header = try FeedParser().parseFile(at: file.path, url: url) { streamed.append($0) }
    return (whole, header, streamed)
}

/// A feed big enough to span many 256 KiB chunks, with accents, entities, CDATA and raw "&" everywhere so
/// boundaries fall inside multi-byte characters, references and CDATA ends.
private func largeFeed(items: Int) -> Data {
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Gros flux</title><link>https://exemple.qc.ca/</link>\n"
    for number in 1...items {
        let body = String(repeating: "Été « québécois » à Lévis &amp; ailleurs ; l’équipe. ", count: 1 + number % 37)
        xml += "<item><title>Billet nº \(number) : Q&A &eacute;t&eacute;</title><link>/b/\(number)</link>"
        xml += "<description>\(body)</description><content:encoded><![CDATA[<p>\(body) & ]] ]]]></content:encoded></item>\n"
    }
    return Data((xml + "</channel></rss>\n").utf8)
}

@Test("Streaming a file yields the same items as parsing it in memory")
func streamingMatchesParse() throws {
    let data = largeFeed(items: 1_500)
    #expect(data.count > 1 << 20)
    let (whole, header, streamed) = try parsedBothWays(data, url: URL(string: "https://exemple.qc.ca/flux"))
    #expect(header.items.isEmpty)
    #expect(header.title == "Gros flux")
    #expect(streamed.count == 1_500)
    #expect(streamed == whole.items)
    #expect(streamed.first?.title == "Billet nº 1 : Q&A été")
}

@Test("Streaming a JSON Feed hands out its items too")
func streamingJSONFeed() throws {
    let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "Carnet", "items": [{"id": "1", "title": "Un"}, {"id": "2", "title": "Deux"}]}"#
    let url = try temporaryFile(Data(json.utf8))
    defer { try? FileManager.default.removeItem(at: url) }
    var titles: [String?] = []
    let header = try FeedParser().parseFile(at: url.path, url: nil) { titles.append($0.title) }
    #expect(header.format == .json11)
    #expect(titles == ["Un", "Deux"])
}

@Test("The input repairs give the same bytes whatever the chunk size")
func repairsAreChunkIndependent() {
    let input = Array("<t>Q&A &eacute; &#233; &#x; <![CDATA[a & b ]]] ]]> c & d <!-- & --> é’ \u{1F600} x<3 < </t>".utf8) + [0x92, 0x41, 0xE9]
    func run(chunk: Int) -> [UInt8] {
        var pipeline = XMLInputPipeline(encoding: .utf8)
        var out: [UInt8] = []
        var start = 0
        while start < input.count {
            let end = min(start + chunk, input.count)
            input[start..<end].withUnsafeBytes { part in pipeline.push(part, final: false) { out += $0 } }
            start = end
        }
        pipeline.push(UnsafeRawBufferPointer(start: nil, count: 0), final: true) { out += $0 }
        return out
    }
    let whole = run(chunk: input.count)
    #expect(String(decoding: whole, as: UTF8.self) ==
        "<t>Q&amp;A &eacute; &#233; &amp;#x; <![CDATA[a & b ]]] ]]> c &amp; d <!-- & --> é’ \u{1F600} x&lt;3 &lt; </t>’Aé")
    for chunk in 1...9 {
        #expect(run(chunk: chunk) == whole, "chunk size \(chunk)")
    }
}

@Test("UTF-8 checking reads no byte past the end, whatever the input length")
func utf8RepairStaysInBounds() {
    for length in 0...40 {
        let input = Array(repeating: UInt8(ascii: "a"), count: length)
        var repair = UTF8Repair()
        var out: [UInt8] = []
        input.withUnsafeBytes { repair.process($0, final: true) { out += $0 } }
        #expect(out == input, "length \(length)")
    }
}

@Test("Streaming a Latin-1 file repairs it as parsing it in memory does, warnings included")
func streamingRepairsLatin1() throws {
    var bytes = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf".utf8) + [0xE9]
    bytes += Array("</title>".utf8)
    for number in 1...3_000 {
        bytes += Array("<item><title>Num\(number) ".utf8) + [0xE9, 0x92] + Array("t".utf8)
        bytes += Array("</title><description>".utf8) + Array(repeating: 0x61, count: 200) + [0xE0] + Array("</description></item>".utf8)
    }
    bytes += Array("</channel></rss>".utf8)
    let data = Data(bytes)
    let (whole, header, streamed) = try parsedBothWays(data)
    #expect(header.title == "Café")
    #expect(streamed == whole.items)
    #expect(streamed.last?.title == "Num3000 é’t")
    #expect(header.warnings == whole.warnings)
    #expect(header.warnings.contains("9001 bytes were not UTF-8 and read as windows-1252"))
}

@Test("A large XML document that is no feed is refused once its root is seen, and the call returns")
func streamingStopsAtANonFeed() throws {
    let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><catalogue>"
        + String(repeating: "<livre><titre>Les Belles-sœurs</titre><auteur>Michel Tremblay</auteur></livre>\n", count: 40_000)
        + "</catalogue>"
    let url = try temporaryFile(Data(document.utf8))
    defer { try? FileManager.default.removeItem(at: url) }
    var items = 0
    let error = #expect(throws: FeedParseError.self) { try FeedParser().parseFile(at: url.path, url: nil) { _ in items += 1 } }
    #expect(error?.description.contains("<catalogue>") == true)
    #expect(items == 0)
}

@Test("Streaming finishes items off libxml2's thread with the same fields, authors in order and date warnings")
func streamingFinishesItemsAlike() throws {
    var xml = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    xml += "<channel><title>Billets</title><link>https://exemple.qc.ca/blogue/</link>"
    for number in 1...120 {
        xml += "<item><title>&lt;b&gt;Billet&lt;/b&gt; nº \(number)</title><link>b/\(number)</link>"
        xml += "<author>lea@exemple.qc.ca (Léa Tremblay)</author><atom:author><atom:name>Éloi Roy</atom:name></atom:author>"
        xml += "<author>marc@exemple.qc.ca (Marc Côté)</author><category>Québec</category><dc:subject>libre</dc:subject>"
        xml += "<pubDate>\(number % 2 == 0 ? "jeu. 14 nov. 2024 10:00:00 -0500" : "la veille")</pubDate></item>"
    }
    let data = Data((xml + "</channel></rss>").utf8)
    let (whole, header, streamed) = try parsedBothWays(data)
    #expect(streamed == whole.items)
    #expect(streamed[1].title == "Billet nº 2")
    #expect(streamed[1].link == "https://exemple.qc.ca/blogue/b/2")
    #expect(streamed[1].authors.map(\.name) == ["Léa Tremblay", "Éloi Roy", "Marc Côté"])
    #expect(streamed[1].categories == ["Québec", "libre"])
    #expect(streamed[1].published != nil)
    #expect(header.warnings == whole.warnings)
    #expect(header.warnings.first == "unparseable date “la veille” in item 1")
    #expect(header.warnings.count == 51)
    #expect(header.warnings.last == "… and 10 more warnings like these")
}

@Test("Bodies made Strings without a second UTF-8 check are valid whatever bytes and references the feed holds")
func uncheckedBodiesStayValid() throws {
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
    let data = Data(bytes)
    let (whole, _, streamed) = try parsedBothWays(data)
    #expect(streamed == whole.items)
    #expect(streamed.count == hostile.count)
    for item in streamed {
        // Debug builds also check each body in KnownUTF8; this checks what came out, in any build.
        for text in [item.title, item.summary, item.content].compactMap({ $0 }) {
            #expect(String(validating: Array(text.utf8), as: UTF8.self) == text)
        }
    }
    #expect(streamed.last?.content?.contains("😀 « été »") == true)
}

@Test("Mutated fixture feeds parse alike in memory and streamed, into valid Strings", arguments: Fixtures.feedPaths.filter { $0.hasSuffix(".xml") })
func mutatedFeedsParseAlike(path: String) throws {
    let original = [UInt8](try Fixtures.data(path))
    let inserts: [[UInt8]] = [[0xC0], [0xE0, 0x80], [0xED, 0xA0], [0xF4, 0x90], [0x80], [0xFF], Array("&#xD800;".utf8),
                              Array("&#0;".utf8), Array("<![CDATA[".utf8), Array("]]>".utf8), Array("&eacute".utf8), Array("<!--".utf8)]
    var mutations = SeededMutations(seed: 0x9E37_79B9_7F4A_7C15 &+ UInt64(path.utf8.count), inserts: inserts)
    for round in 0..<8 {
        let bytes = mutations.mutated(original)
        let data = Data(bytes)
        let url = try temporaryFile(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = try? FeedParser().parse(data, url: nil)
        var streamed: [ParsedItem] = []
        let header = try? FeedParser().parseFile(at: url.path, url: nil) { streamed.append($0) }
        #expect((whole == nil) == (header == nil), "\(path), round \(round): one path refused what the other read")
        guard let whole else { continue }
        #expect(streamed == whole.items, "\(path), round \(round)")
        for item in streamed {
            for text in [item.title, item.summary, item.content].compactMap({ $0 }) {
                #expect(String(validating: Array(text.utf8), as: UTF8.self) == text)
            }
        }
    }
}
