import Foundation
import Testing

// `qnread parse` through the real binary: real files, real pipes, real exit codes.

private func temporaryFile(_ text: String, name: String = "flux.xml") throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-parse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

private let frenchFeed = """
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Québec numérique</title><link>https://exemple.qc.ca/</link>
<item><title>L’été &amp; le code</title><link>/ete</link><pubDate>Thu, 14 Nov 2024 10:00:00 -0500</pubDate>
<description>&lt;p&gt;Bonjour&amp;nbsp;!&lt;/p&gt;</description></item>
<item><title>Deuxième</title><pubDate>hier</pubDate></item></channel></rss>
"""

@Test("parse --json prints the model as JSON and exits 0")
func parseJSON() throws {
    let file = try temporaryFile(frenchFeed)
    let result = try QnReadProcess.run(["parse", file.path, "--json", "--url", "https://exemple.qc.ca/feed/"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["format"] as? String == "rss2.0")
    #expect(object?["title"] as? String == "Québec numérique")
    let items = object?["items"] as? [[String: Any]]
    #expect(items?.count == 2)
    #expect(items?.first?["link"] as? String == "https://exemple.qc.ca/ete")
    #expect(items?.first?["published"] as? String == "2024-11-14T15:00:00Z")
    #expect(items?.first?["summary"] as? String == "<p>Bonjour&nbsp;!</p>")
    #expect(result.stdout.hasPrefix("{\n  \"format\": \"rss2.0\",\n  \"title\""))
    #expect(result.stderr.contains("warning: unparseable date “hier” in item 2"))
}

@Test("parse without --json prints a short summary, and reads standard input with -")
func parseSummaryFromStdin() throws {
    let result = try QnReadProcess.run(["parse", "-"], stdin: Data(frenchFeed.utf8))
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Québec numérique  [rss2.0, 2 items]")
    #expect(lines.contains("  2024-11-14  L’été & le code"))
}

@Test("parse --stats prints the format, the item count and the time")
func parseStats() throws {
    let file = try temporaryFile(frenchFeed)
    let result = try QnReadProcess.run(["parse", file.path, "--stats"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first == "format: rss2.0")
    #expect(lines.dropFirst().first == "items: 2")
    #expect(lines.last?.hasPrefix("time: ") == true && lines.last?.hasSuffix(" s") == true)
}

@Test("An HTML page exits 1 with one line naming the file and the feeds it links to")
func parseHTMLPage() throws {
    let file = try temporaryFile("""
    <!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="https://exemple.qc.ca/feed/"></head>
    <body>Accueil</body></html>
    """, name: "accueil.html")
    let result = try QnReadProcess.run(["parse", file.path, "--json"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "\(file.path): not a feed: HTML page; it links to https://exemple.qc.ca/feed/\n")
}

@Test("A missing file and an oversized file each fail with one line")
func parseMissingAndOversized() throws {
    let missing = try QnReadProcess.run(["parse", "/nonexistent/flux.xml"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "/nonexistent/flux.xml: cannot open: No such file or directory\n")
    let big = try temporaryFile("<rss version=\"2.0\"><channel><title>" + String(repeating: "é", count: 600_000) + "</title></channel></rss>")
    let refused = try QnReadProcess.run(["parse", big.path, "--max-size", "1"])
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("\(big.path): refused: larger than the 1 MiB limit"))
    #expect(refused.stderr.split(separator: "\n").count == 1)
}

@Test("Nothing from the feed reaches stdout with control characters, in JSON or in the summary")
func parseIsTerminalSafe() throws {
    let hostile = "<rss version=\"2.0\"><channel><title>Titre&#x85;&#x9B;2J\u{202E}</title>"
        + "<item><title>A&#x9B;31m</title><description><![CDATA[\u{1B}[2J<p>x</p>\u{07}]]></description></item></channel></rss>"
    let file = try temporaryFile(hostile)
    for arguments in [["parse", file.path, "--json"], ["parse", file.path]] {
        let result = try QnReadProcess.run(arguments)
        #expect(result.status == 0)
        let unsafe = result.stdout.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        }
        #expect(unsafe.isEmpty, "\(arguments): \(unsafe.map { String($0.value, radix: 16) })")
    }
}

@Test("libxml2 never writes to stderr: only qnread's own lines, each naming the file, reach it")
func libxml2IsSilent() throws {
    // A UTF-16 feed with bytes its converter cannot read: libxml2 reports those on its own channel.
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<rss version=\"2.0\"><channel><title>Écho</title></channel></rss>".utf16 {
        bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    bytes.insert(contentsOf: [0x00, 0xD8], at: 20) // a high surrogate with no low one after it
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-parse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("utf16.xml")
    try Data(bytes + [0x41]).write(to: file)
    let result = try QnReadProcess.run(["parse", file.path, "--json"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"title\": \"Écho\""))
    let lines = result.stderr.split(separator: "\n")
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy { $0.hasPrefix("\(file.path): warning: ") }, "\(result.stderr)")
}
