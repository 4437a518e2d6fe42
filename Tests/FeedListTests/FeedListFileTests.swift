import Foundation
import Testing
@testable import FeedList

@Suite("The feeds list file")
struct FeedListFileTests {
    static let newsboat = String(decoding: try! Data(contentsOf: Bundle.module.url(forResource: "Fixtures/newsboat-urls", withExtension: nil)!), as: UTF8.self)

    @Test("A real newsboat urls file loads as is: tags, quoted tags, titles, hidden feeds")
    func newsboatFile() {
        let file = FeedListFile(name: "urls", text: Self.newsboat)
        #expect(file.entries == [
            FeedListEntry(url: "https://quebecnumerique.com/feed/", tags: ["québec", "communauté"]),
            FeedListEntry(url: "https://webaquebec.org/feed/", tags: ["Web à Québec", "événements"], title: "WAQ — le blogue"),
            FeedListEntry(url: "https://balado.example/flux.rss", tags: ["balado"], title: "Balado caché", isHidden: true),
            FeedListEntry(url: "http://vieux-site.example/rss.xml", tags: ["tab", "séparé"]),
            FeedListEntry(url: #"query:Non lus:unread = "yes""#),
            FeedListEntry(url: "file:///home/lecteur/flux/local.xml", tags: ["local"]),
            FeedListEntry(url: "https://commentaire.example/feed", tags: ["tech"]),
        ])
    }

    @Test("Bad lines are reported as FILE:LINE: reason and skipped")
    func badLines() {
        let file = FeedListFile(name: "urls", text: Self.newsboat)
        #expect(file.problems.map(\.description) == [
            "urls:9: “exec:” feeds run commands, which qnread never does; skipped",
            "urls:10: “filter:” feeds run commands, which qnread never does; skipped",
            "urls:12: https://quebecnumerique.com/feed/ is already listed on line 2; skipped",
            "urls:13: “htp://faute-de-frappe” is not a URL (qnread reads http, https and file URLs)",
            "urls:14: a quote opened here is never closed",
        ])
    }

    // newsboat's own syntax for query feeds, and ours for saved searches, with tags and a title as on any line.
    @Test("Query and search feeds load with their tags and title, and write back as newsboat reads them")
    func queryFeeds() {
        let text = #"""
            "query:Non lus Québec:unread = \"yes\" and tags # \"Québec\"" québec "~Mes non lus"
            "search:Accessibilité:accessibilité web -emploi" a11y
            "query:Faute:titel = \"x\""
            "query:Sans filtre"
            """#
        let file = FeedListFile(name: "feeds", text: text)
        #expect(file.entries == [
            FeedListEntry(url: #"query:Non lus Québec:unread = "yes" and tags # "Québec""#, tags: ["québec"], title: "Mes non lus"),
            FeedListEntry(url: "search:Accessibilité:accessibilité web -emploi", tags: ["a11y"]),
        ])
        #expect(file.entries.filter(\.isQuery).count == 2)
        #expect(file.problems.map(\.description) == [
            #"feeds:3: query feed “Faute”: filter: column 1: unknown attribute "titel"; skipped"#,
            "feeds:4: a query feed is written query:NAME:FILTER; skipped",
        ])
        let written = file.entries.map(\.line)
        #expect(written[0] == #""query:Non lus Québec:unread = \"yes\" and tags # \"Québec\"" québec "~Mes non lus""#)
        #expect(FeedListFile(name: "feeds", text: written.joined(separator: "\n")).entries == file.entries)
        let imported = FeedListImport(file)
        #expect(imported.entries == file.entries)
    }

    @Test("A list written in windows-1252 loads with its accents and curly quotes, not control characters")
    func windows1252File() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-urls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Array("https://a.example/feed \"~L".utf8) + [0x92, 0xE9, 0x74, 0xE9] + Array(" \u{22}\n".utf8)
        try Data(bytes).write(to: url)
        let file = try #require(try FeedListFile.load(url))
        #expect(file.entries.first?.title == "L’été")
    }

    @Test("An untouched file is written back byte for byte")
    func roundTrip() {
        #expect(FeedListFile(name: "urls", text: Self.newsboat).text == Self.newsboat)
        #expect(FeedListFile(name: "urls", text: "https://a.example/feed").text == "https://a.example/feed\n")
    }

    @Test("Adding a feed appends one line and keeps every comment and the order")
    func addKeepsComments() {
        var file = FeedListFile(name: "urls", text: Self.newsboat)
        let changed1 = file.add(FeedListEntry(url: "https://lecamp.ca/feed/", tags: ["startups", "Québec ville"], title: "Le Camp"))
        #expect(changed1)
        #expect(file.text == Self.newsboat + "https://lecamp.ca/feed/ startups \"Québec ville\" \"~Le Camp\"\n")
        // Added again: nothing changes.
        let changed2 = file.add(FeedListEntry(url: "https://lecamp.ca/feed/", tags: ["startups"]))
        #expect(!changed2)
    }

    @Test("Adding a listed feed merges its tags and title into its own line")
    func addMerges() {
        var file = FeedListFile(name: "urls", text: "# mes flux\nhttps://a.example/feed tech # à lire\nhttps://b.example/feed\n")
        let changed3 = file.add(FeedListEntry(url: "https://a.example/feed", tags: ["tech", "Québec"], title: "A « à la une »"))
        #expect(changed3)
        #expect(file.text == "# mes flux\nhttps://a.example/feed tech Québec \"~A « à la une »\"\nhttps://b.example/feed\n")
    }

    @Test("Removing a feed removes only its line")
    func remove() {
        var file = FeedListFile(name: "urls", text: Self.newsboat)
        let changed4 = file.remove(url: "https://webaquebec.org/feed/")
        #expect(changed4)
        let changed5 = file.remove(url: "https://absent.example/")
        #expect(!changed5)
        var expected = Self.newsboat.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        expected.remove(at: 2)
        #expect(file.text == expected.joined(separator: "\n"))
        #expect(!file.entries.contains { $0.url == "https://webaquebec.org/feed/" })
    }

    @Test("!URL lines leave a feed out, and adding the feed again drops them")
    func exclusions() {
        var file = FeedListFile(name: "feeds", text: "!https://a.example/feed\n")
        #expect(file.exclusions == ["https://a.example/feed"])
        #expect(file.entries.isEmpty)
        #expect(FeedListFile(name: "feeds", text: "!https://a.example/feed tag\n").problems.count == 1)
        let changed6 = file.add(FeedListEntry(url: "https://a.example/feed"))
        #expect(changed6)
        #expect(file.exclusions.isEmpty)
        #expect(file.text == "https://a.example/feed\n")
    }

    // A tag cannot start with "~" (newsboat reads it as the title), so none is tried here.
    @Test("Tags and titles with quotes, backslashes and leading marks are quoted when written")
    func quoting() {
        let entry = FeedListEntry(url: "https://a.example/feed", tags: ["simple", "deux mots", "!bang", "#dièse", "dit \"ça\""],
                                  title: "Titre \\ « cité »")
        let reread = FeedListFile(name: "feeds", text: entry.line).entries
        #expect(reread == [entry])
    }

    // Found by make fuzz (fuzz-feedlist): a line ending in "\r" was written back with "\n" after it, which reads
    // as one "\r\n", so every save changed the file again.
    @Test("A carriage return left at a line's end is line ending: a saved list reads back the same")
    func strayCarriageReturns() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/stray-carriage-returns", withExtension: nil))
        let file = FeedListFile(name: "feeds", text: String(decoding: try Data(contentsOf: url), as: UTF8.self))
        #expect(file.entries == [FeedListEntry(url: "https://a.example/feed", tags: ["tech"])])
        #expect(FeedListFile(name: "feeds", text: file.text) == file)
        #expect(file.text.hasSuffix("https://a.example/feed tech\n# fin\n"))
    }

    // Found by make fuzz (fuzz-feedlist): the URL was written unquoted, so its space split it on the next read.
    @Test("A quoted URL with a space is written back quoted")
    func quotedURL() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/quoted-url-with-space", withExtension: nil))
        let entries = FeedListFile(name: "feeds", text: String(decoding: try Data(contentsOf: url), as: UTF8.self)).entries
        #expect(entries == [FeedListEntry(url: "https://exemple.qc.ca/mon flux.xml", tags: ["balado"], title: "Mon flux")])
        var written = FeedListFile(name: "feeds", text: "")
        written.add(entries[0])
        #expect(written.text == "\"https://exemple.qc.ca/mon flux.xml\" balado \"~Mon flux\"\n")
        #expect(FeedListFile(name: "feeds", text: written.text).entries == entries)
    }

    // Found by a long run of make fuzz (fuzz-feedlist): a tag that is a lone combining mark was written after a
    // space, which it joined into one Character that is not white space, so the tag read back as part of the URL.
    @Test("Combining marks never hide a space, a quote or a # from the feeds list's reader", arguments: [
        ["\u{07FD}"], ["\u{0301}balado"], ["#\u{0301}"], ["\"\u{0301}"], ["\\\u{0301}"], ["a\u{0301} b"],
    ])  // (a tag starting with ~ or ! cannot be written in newsboat's format at all: those are a title and hiding)
    func combiningMarks(tags: [String]) throws {
        let entry = FeedListEntry(url: "https://a.example/feed", tags: tags)
        #expect(FeedListFile(name: "feeds", text: entry.line).entries == [entry], "\(entry.line.debugDescription)")
        let url = try #require(Bundle.module.url(forResource: "Fixtures/combining-mark-tag", withExtension: nil))
        let found = FeedListFile(name: "feeds", text: String(decoding: try Data(contentsOf: url), as: UTF8.self)).entries
        #expect(found.count == 1 && found[0].tags == ["\u{07FD}"])
        for entry in found {
            #expect(FeedListFile(name: "feeds", text: entry.line).entries == [entry], "\(entry.line.debugDescription)")
        }
    }

    @Test("Windows line endings are read")
    func crlf() {
        let file = FeedListFile(name: "feeds", text: "# flux\r\nhttps://a.example/feed tech\r\n")
        #expect(file.entries == [FeedListEntry(url: "https://a.example/feed", tags: ["tech"])])
    }
}
