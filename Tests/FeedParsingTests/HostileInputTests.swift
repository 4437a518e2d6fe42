import Foundation
import Testing
@testable import FeedParsing

// Everything from a feed is hostile: entity bombs, external entities, oversized inputs.

@Test("A billion-laughs entity bomb ends quickly and expands to nothing")
func billionLaughsIsBounded() throws {
    var dtd = "<!ENTITY lol0 \"lol\">\n"
    for level in 1...12 {
        dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
    }
    let xml = """
    <?xml version="1.0"?>
    <!DOCTYPE rss [\(dtd)]>
    <rss version="2.0"><channel><title>Bombe &lol12; fin</title>
    <item><title>Après la bombe</title><description>&lol12;&lol12;</description></item></channel></rss>
    """
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    // 10^12 "lol"s would be 3 TB; the title must stay short and the item must survive.
    #expect((feed.title ?? "").utf8.count < 1_000)
    #expect(feed.items.map(\.title) == ["Après la bombe"])
    #expect((feed.items.first?.summary ?? "").utf8.count < 1_000)
}

@Test("An external SYSTEM entity naming a local file is never loaded")
func externalEntityIsNotLoaded() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-xxe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    try "SECRET-mot-de-passe-42".write(to: secret, atomically: true, encoding: .utf8)
    let dtd = directory.appendingPathComponent("evil.dtd")
    try "<!ENTITY fromdtd \"SECRET-du-dtd\">".write(to: dtd, atomically: true, encoding: .utf8)
    let xml = """
    <?xml version="1.0"?>
    <!DOCTYPE rss SYSTEM "\(dtd.absoluteString)" [<!ENTITY xxe SYSTEM "\(secret.absoluteString)">]>
    <rss version="2.0"><channel><title>Avant &xxe; &fromdtd; après</title>
    <item><title>&xxe;</title><link>https://exemple.qc.ca/</link></item></channel></rss>
    """
    let feed = try FeedParser().parse(Data(xml.utf8), url: nil)
    let json = feed.jsonText()
    #expect(!json.contains("SECRET"))
    #expect(feed.title == "Avant après")
    #expect(feed.items.count == 1)
}

@Test("Inputs over the size cap are refused with the limit in the message")
func sizeCapRefuses() throws {
    let xml = "<rss version=\"2.0\"><channel><title>" + String(repeating: "é", count: 2_000) + "</title></channel></rss>"
    let parser = FeedParser(maxBytes: 1 << 10)
    #expect(throws: FeedParseError.self) { try parser.parse(Data(xml.utf8), url: URL(string: "https://exemple.qc.ca/gros.xml")) }
    do {
        _ = try parser.parse(Data(xml.utf8), url: URL(string: "https://exemple.qc.ca/gros.xml"))
    } catch let error as FeedParseError {
        #expect(error.message.hasPrefix("https://exemple.qc.ca/gros.xml: refused: larger than the 1.0 KiB") || error.message.contains("refused"))
        #expect(!error.message.contains("\n"))
    }
    #expect(FeedParser.defaultMaxBytes == 64 << 20)
    // Under the cap the same parser reads it.
    #expect(try FeedParser(maxBytes: 1 << 20).parse(Data(xml.utf8), url: nil).title?.count == 2_000)
}
