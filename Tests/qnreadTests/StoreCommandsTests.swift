import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

@Suite("articles, search, mark, stats, cleanup")
struct StoreCommandsTests {
    let fixture: StoreFixture
    init() throws {
        fixture = try StoreFixture()
        try fixture.addQuebecNumerique()
    }

    @Test("articles lists newest first with id, date, flags, feed and title")
    func articlesText() throws {
        let result = try fixture.run(["articles"], environment: ["TZ": "UTC"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
        #expect(lines == [
            "2025-12-01 11:00 N Québec numérique L’École 42 ouvre à Québec",
            "2025-11-30 12:00 N Québec numérique Transformation numérique des PME",
        ])
    }

    @Test("articles --json, then mark read and star, then --unread and --starred")
    func markAndFilter() throws {
        let listed = try JSONSerialization.jsonObject(with: Data(try fixture.run(["articles", "--json"]).stdout.utf8))
        let rows = try #require(listed as? [[String: Any]])
        #expect(rows.map { $0["title"] as? String } == ["L’École 42 ouvre à Québec", "Transformation numérique des PME"])
        #expect(rows.first?["date"] as? String == "2025-12-01T11:00:00Z")
        let newest = try #require(rows.first?["id"] as? Int)

        let marked = try fixture.run(["mark", "read", String(newest)])
        #expect(marked.status == 0 && marked.stdout == "1 of 1 articles changed\n")
        #expect(try fixture.run(["mark", "star", String(newest)]).status == 0)

        let unread = try fixture.run(["articles", "--unread"]).stdout
        #expect(unread.contains("Transformation") && !unread.contains("École"))
        let starred = try fixture.run(["articles", "--starred"]).stdout
        #expect(starred.contains(" *  Québec numérique  L’École 42 ouvre à Québec"))
        #expect(try fixture.run(["mark", "unstar", String(newest)]).status == 0)
        #expect(try fixture.run(["articles", "--starred"]).stdout.isEmpty)
    }

    @Test("mark names the ids it cannot find and changes nothing")
    func markUnknown() throws {
        let result = try fixture.run(["mark", "read", "1", "9999"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: no article with id 9999\n")
        #expect(try fixture.run(["stats"]).stdout.contains("unread    2"))
    }

    @Test("search finds « École » from ecole and Qu&eacute;bec from quebec, with the match bracketed")
    func searchText() throws {
        let result = try fixture.run(["search", "ecole quebec"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("Québec numérique  L’École 42 ouvre à Québec"))
        #expect(lines[1].contains("[Québec]"))
    }

    @Test("search --json gives snippet segments with matches flagged")
    func searchJSON() throws {
        let result = try fixture.run(["search", "numérisa*", "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1)
        let segments = try #require(hits.first?["snippet"] as? [[String: Any]])
        #expect(segments.filter { $0["match"] as? Bool == true }.map { $0["text"] as? String } == ["numérisation"])
    }

    @Test("A malformed search is one line on stderr and exit 1", arguments: [
        (#""logiciel libre"#, #"Error: unbalanced quote in search: "logiciel libre has no closing ""#),
        ("-emploi", "Error: a search cannot only exclude words: add a word to look for"),
        ("", "Error: empty search: type at least one word"),
    ])
    func badSearch(query: String, message: String) throws {
        let result = try fixture.run(["search", query])
        #expect(result.status == 1)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("search --feed restricts to a feed and names an unknown one")
    func searchFeed() throws {
        #expect(try fixture.run(["search", "ecole", "--feed", "https://quebecnumerique.example/feed"]).stdout.contains("École"))
        let unknown = try fixture.run(["search", "ecole", "--feed", "https://inconnu.example/feed"])
        #expect(unknown.status == 1 && unknown.stderr == "Error: no feed with URL https://inconnu.example/feed\n")
    }

    @Test("stats counts feeds, articles and unread; cleanup keeps the newest and reports")
    func statsAndCleanup() throws {
        let stats = try fixture.run(["stats", "--check"])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("feeds     1\narticles  2\nunread    2\n"))
        #expect(stats.stdout.contains("integrity ok"))
        let cleanup = try fixture.run(["cleanup", "--keep", "1"])
        #expect(cleanup.status == 0 && cleanup.stdout.hasPrefix("removed 1 articles; database "))
        #expect(try fixture.run(["articles"]).stdout.split(separator: "\n").count == 1)
    }
}

@Suite("Hostile feed text and database location")
struct StoreCommandsSafetyTests {
    @Test("Titles with escape sequences and bidi overrides print without them")
    func terminalSafe() throws {
        let fixture = try StoreFixture()
        let store = try fixture.openStore()
        let feed = try store.findOrCreateFeed(url: "https://piege.example/feed")
        try store.apply(ParsedFeed(format: .rss20, title: "Piège\u{1B}]2;titre\u{7}", items: [
            ParsedItem(id: "1", title: "Alerte\u{1B}[2J\u{9B}31m\u{202E}rouge", published: StoreFixture.now,
                       content: "<p>Qu&eacute;bec \u{1B}[5m clignote</p>"),
        ]), to: feed.id, now: StoreFixture.now)
        for arguments in [["articles"], ["articles", "--json"], ["search", "quebec"], ["search", "quebec", "--json"]] {
            let output = try fixture.run(arguments).stdout
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{7}" || $0 == "\u{202E}" },
                    "\(arguments)")
            #expect(output.contains("Alerte[2J31mrouge"), "\(arguments)")
        }
    }

    @Test("--db wins over QNREAD_DB, which wins over XDG_DATA_HOME")
    func databaseLocation() throws {
        let fixture = try StoreFixture()
        let dataHome = fixture.directory.appendingPathComponent("data")
        let fromEnv = fixture.directory.appendingPathComponent("env.sqlite").path
        let fromFlag = fixture.directory.appendingPathComponent("flag.sqlite").path
        let xdg = try QnReadProcess.run(["stats"], environment: ["XDG_DATA_HOME": dataHome.path])
        #expect(xdg.stdout.hasPrefix("database  \(dataHome.path)/qnread/qnread.sqlite\n"))
        let env = try QnReadProcess.run(["stats"], environment: ["XDG_DATA_HOME": dataHome.path, "QNREAD_DB": fromEnv])
        #expect(env.stdout.hasPrefix("database  \(fromEnv)\n"))
        let flag = try QnReadProcess.run(["--db", fromFlag, "stats"], environment: ["QNREAD_DB": fromEnv])
        #expect(flag.stdout.hasPrefix("database  \(fromFlag)\n"))
        #expect(FileManager.default.fileExists(atPath: fromFlag))
    }
}
