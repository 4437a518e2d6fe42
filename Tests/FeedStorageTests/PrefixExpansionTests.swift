import FeedModel
import FeedParsing
@testable import FeedStorage
import Foundation
import GRDB
import Testing

/// `mot*` is searched as the indexed words it stands for (PrefixExpansion): the same articles as FTS5's own prefix.
@Suite("Prefix searches as the words they stand for")
struct PrefixExpansionTests {
    let scratch: ScratchStore
    let feed: FeedID

    init() throws {
        scratch = try ScratchStore()
        feed = try scratch.store.findOrCreateFeed(url: "https://developpeurs.example/feed").id
        let bodies = ["Le développement continue.", "Un Développeur arrive.", "UNE DÉVELOPPEUSE PART.", "Dévelop, en abrégé.",
                      "Les d&eacute;veloppements récents.", "Devel n’en est pas un.", "Rien de tel ici.",
                      "Rendez-vous à Saint-Laurent.", "Logiciel libre et développement."]
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Atelier", items: bodies.enumerated().map { n, body in
            Samples.item("d\(n)", "Article \(n)", body: "<p>\(body)</p>", author: nil)
        }), to: feed, now: Clock.start)
    }

    /// What FTS5's own prefix query matches, ids only.
    private func fts5Matches(_ expression: String) throws -> Set<Int64> {
        try scratch.store.pool.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM article_search WHERE article_search MATCH ?", arguments: [expression]))
        }
    }

    private func found(_ query: String) throws -> Set<Int64> {
        Set(try scratch.store.search(query, limit: 100).map(\.article.id.rawValue))
    }

    @Test("dévelop* stands for the folded words that start with develop, and finds what FTS5's prefix finds")
    func sameArticles() throws {
        let words = try scratch.store.pool.read { db in try PrefixExpansion(db).words("dévelop") }
        #expect(words == ["develop", "developpement", "developpements", "developpeur", "developpeuse"])
        let expected = try fts5Matches(#""dévelop"*"#)
        #expect(expected.count == 6)
        #expect(try found("dévelop*") == expected)
        #expect(try found("DEVELOPP*") == (try fts5Matches(#""developp"*"#)))
        #expect(try found("logiciel -dévelop*").isEmpty)
        #expect(try found("développement -logic*").count == 1)
    }

    @Test("A prefix of more words than the limit, or split in two by the tokenizer, is left to FTS5")
    func leftToFTS5() throws {
        let many = (0...PrefixExpansion.maximumWords).map { "zorglub\($0)" }.joined(separator: " ")
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Atelier", items: [
            Samples.item("z", "Zorglub", body: "<p>\(many)</p>", author: nil),
        ]), to: feed, now: Clock.start)
        try scratch.store.pool.read { db in
            let expansion = try PrefixExpansion(db)
            #expect(try expansion.words("zorglub") == nil)
            #expect(try expansion.words("zorglub1") == ["zorglub1", "zorglub10", "zorglub11", "zorglub12", "zorglub13",
                                                        "zorglub14", "zorglub15", "zorglub16"])
            #expect(try expansion.words("saint-lau") == nil)
            #expect(try expansion.words("absent") == nil)
        }
        #expect(try found("zorglub*").count == 1)
        #expect(try found("saint-lau*") == (try fts5Matches(#""saint-lau"*"#)))
        #expect(try found("saint-lau*").count == 1)
        #expect(try found("absent*").isEmpty)
    }

    // A prefix of several words gets its snippets from one more walk of the matches (FeedStore.walksForSnippets),
    // a phrase or a single word from a lookup of each hit: either way each hit has its own snippet.
    @Test("Every hit of a prefix search has its own snippet, the word it holds flagged, walked or looked up", arguments: [
        ("dévelop*", true), ("dévelop* rien", true), ("dévelop* \"logiciel libre\"", false), ("dévelop* saint-laurent", false),
        ("développement", false), ("numérisa*", false),
    ])
    func snippets(query: String, walks: Bool) throws {
        let parsed = try SearchQuery(parsing: query)
        let words = try scratch.store.pool.read { db in try PrefixExpansion(db).words(of: parsed) }
        #expect(FeedStore.walksForSnippets(parsed, expanding: words) == walks)
        let hits = try scratch.store.search(query, limit: 100)
        for hit in hits {
            let body = try #require(try scratch.store.article(hit.article.id)).bodyHTML
            let flagged = hit.snippet.filter(\.isMatch).map(\.text)
            #expect(!flagged.isEmpty, "\(query): \(hit.article.title)")
            #expect(flagged.allSatisfy { body.localizedCaseInsensitiveContains($0) || body.contains("d&eacute;") },
                    "\(query): \(flagged) not in \(body)")
        }
    }
}
