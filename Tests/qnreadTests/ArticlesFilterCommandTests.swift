import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

@Suite("articles --filter, --tag, --json and --content")
struct ArticlesFilterCommandTests {
    let fixture: StoreFixture

    /// Québec numérique (tag québec) and a podcast (tag balado) whose episode has authors and an enclosure.
    init() throws {
        fixture = try StoreFixture()
        let store = try fixture.openStore()
        let ids = try store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec"]),
            Subscription(url: "https://balado.example/flux.rss", tags: ["balado"]),
        ])
        try fixture.addQuebecNumerique()
        try store.apply(ParsedFeed(format: .rss20, title: "Balado techno", items: [
            ParsedItem(id: "ep-1", title: "Épisode 1 : « Loi 25 »", link: "https://balado.example/1",
                       authors: [ParsedPerson(name: "Marie-Ève Tremblay"), ParsedPerson(name: "Jean-François Roy")],
                       published: StoreFixture.now.addingTimeInterval(-7_200), content: "<p>La Loi 25 expliquée.</p>",
                       enclosures: [ParsedEnclosure(url: "https://balado.example/ep1.mp3", type: "audio/mpeg", length: 12_345)]),
        ]), to: ids[1], now: StoreFixture.now)
    }

    private func titles(_ arguments: [String]) throws -> [String] {
        let result = try fixture.run(["articles"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0.split(separator: "  ").last ?? "") }
    }

    @Test("--filter takes newsboat's language, accents and case ignored; --tag keeps one tag's feeds")
    func filterAndTag() throws {
        #expect(try titles(["--filter", #"title =~ "ecole""#]) == ["L’École 42 ouvre à Québec"])
        #expect(try titles(["--filter", #"unread = "yes" and tags # "Québec""#])
                == ["L’École 42 ouvre à Québec", "Transformation numérique des PME"])
        #expect(try titles(["--filter", #"enclosure_type =~ "^audio/" or author = "nobody""#]) == ["Épisode 1 : « Loi 25 »"])
        #expect(try titles(["--tag", "balado"]) == ["Épisode 1 : « Loi 25 »"])
        #expect(try titles(["--tag", "québec", "--filter", #"content =~ "numérisation""#]) == ["Transformation numérique des PME"])
    }

    @Test("A filter that cannot compile is one line naming the column and the reason, and exit 1", arguments: [
        (#"unread = "yes" and titel = "x""#, #"Error: filter: column 20: unknown attribute "titel""#),
        (#"title = "x'); DROP TABLE article; --"#, "Error: filter: column 9: the quote opened here is never closed"),
        ("title =~ \"" + String(repeating: "(a|b)*", count: 200) + "\"",
         "Error: filter: column 10: regular expression too long (1200 characters; at most 1000)"),
        ("title =~ \"" + String(repeating: "\\\\", count: 5_000) + "\"", "Error: filter: column 1: filter too long (10011 characters; at most 4000)"),
    ])
    func badFilters(filter: String, message: String) throws {
        let result = try fixture.run(["articles", "--filter", filter])
        #expect(result.status == 1)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("search takes filters alone, newest first, and stats --json counts as numbers")
    func searchFiltersAndStats() throws {
        let search = try fixture.run(["search", "tag:québec", "is:unread"])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.split(separator: "\n").map { String($0.split(separator: "  ").last ?? "") }
                == ["L’École 42 ouvre à Québec", "Transformation numérique des PME"])
        let stats = try fixture.run(["stats", "--json", "--check"])
        #expect(stats.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["feeds"] as? Int == 2 && object["articles"] as? Int == 3 && object["unread"] as? Int == 3)
        #expect(object["starred"] as? Int == 0 && object["database"] as? String == fixture.dbPath)
        #expect((object["bytes"] as? Int ?? 0) > 0 && object["reclaimableBytes"] is Int)
        #expect(object["integrity"] as? [String] == [])
    }

    @Test("Quotes, backslashes and SQL-looking values are only values")
    func hostileValues() throws {
        #expect(try titles(["--filter", #"title = "x\"); DROP TABLE article; --" or author =~ "\\\\'""#]).isEmpty)
        #expect(try fixture.run(["stats"]).stdout.contains("articles  3"))
    }

    @Test("A regular expression that backtracks without end stops with one line")
    func catastrophicRegex() throws {
        let store = try fixture.openStore()
        let feed = try store.findOrCreateFeed(url: "https://piege.example/feed")
        try store.apply(ParsedFeed(format: .rss20, items: [
            ParsedItem(id: "p", title: String(repeating: "a", count: 40) + "!", published: StoreFixture.now),
        ]), to: feed.id, now: StoreFixture.now)
        let result = try fixture.run(["articles", "--filter", #"title =~ "^(a+)+$""#])
        #expect(result.status == 1)
        #expect(result.stderr == #"Error: filter: regular expression "^(a+)+$" takes too long on an article; make it simpler"# + "\n")
    }

    @Test("--json carries authors, enclosures and the feed URL; --content adds the HTML")
    func json() throws {
        func rows(_ extra: [String]) throws -> [[String: Any]] {
            let result = try fixture.run(["articles", "--json", "--tag", "balado"] + extra)
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        }
        let row = try #require(try rows([]).first)
        #expect(row["feedURL"] as? String == "https://balado.example/flux.rss")
        #expect(row["authors"] as? [String] == ["Marie-Ève Tremblay", "Jean-François Roy"])
        let enclosure = try #require((row["enclosures"] as? [[String: Any]])?.first)
        #expect(enclosure["url"] as? String == "https://balado.example/ep1.mp3")
        #expect(enclosure["type"] as? String == "audio/mpeg" && enclosure["length"] as? Int == 12_345)
        #expect(row["content"] == nil)
        #expect(try rows(["--content"]).first?["content"] as? String == "<p>La Loi 25 expliquée.</p>")
        let plain = try fixture.run(["articles", "--content"])
        #expect(plain.status == 64 && plain.stderr.contains("--content goes with --json"))
    }
}

