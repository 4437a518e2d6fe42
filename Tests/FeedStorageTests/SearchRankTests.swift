import FeedModel
import FeedParsing
@testable import FeedStorage
import Foundation
import GRDB
import Testing

/// A search of one term is ordered without bm25's IDF (SearchRank): the same order as the index's own `rank`.
@Suite("Search ranking")
struct SearchRankTests {
    let scratch: ScratchStore

    // Thirty articles where « érable » (and the phrase « sirop d’érable ») turns up 0 to 4 times, in the title, the
    // body or the author, in bodies of different lengths: bm25 gives them many different scores, and some equal ones.
    init() throws {
        scratch = try ScratchStore()
        let feed = try scratch.store.findOrCreateFeed(url: "https://cabane.example/feed").id
        let items = (0..<30).map { n in
            let words = Array(repeating: "sirop d’érable", count: n % 4) + Array(repeating: "tire sur la neige", count: n % 7)
            return Samples.item("c\(n)", n % 5 == 0 ? "L’érable nº \(n)" : "Cabane nº \(n)", day: -n,
                                body: "<p>\((words + ["fin de saison"]).joined(separator: ", ")).</p>",
                                author: n % 6 == 0 ? "Jean Érable" : "Marie-Ève Tremblay")
        }
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Cabane à sucre", items: items), to: feed, now: Clock.start)
    }

    /// The index's ranking (its `rank` option: bm25 with the weights StoreSchema gave), ties by id as a search breaks them.
    private func byIndexRank(_ expression: String) throws -> [Int64] {
        try scratch.store.pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM (SELECT rowid AS id, rank AS score FROM article_search WHERE article_search MATCH ?)
                ORDER BY score, id
                """, arguments: [expression])
        }
    }

    private func searched(_ query: String) throws -> [Int64] {
        try scratch.store.search(query, limit: 100).map(\.article.id.rawValue)
    }

    @Test("A word, a phrase, a word with exclusions: the order of bm25", arguments: [
        ("erable", #"("erable")"#),
        ("« sirop d’érable »", #"("sirop d’érable")"#),
        ("érable -neige", #"("érable") NOT "neige""#),
        ("tire", #"("tire")"#),
    ])
    func singleTerm(query: String, expression: String) throws {
        let expected = try byIndexRank(expression)
        #expect(expected.count > 3)
        #expect(try searched(query) == expected)
    }

    @Test("Several terms keep bm25, each term weighed by its IDF")
    func severalTerms() throws {
        #expect(try searched("érable neige") == (try byIndexRank(#"("érable" AND "neige")"#)))
        #expect(try searched("sir* érable") == (try byIndexRank(#"("sirop" AND "érable")"#)))
    }

    // Identical articles score alike: the reader's list must not reshuffle them from one search to the next.
    @Test("Matches of equal score come in article order, the older first, with one term or several")
    func ties() throws {
        let feed = try scratch.store.findOrCreateFeed(url: "https://pareils.example/feed").id
        let items = (0..<5).map { n in
            Samples.item("p\(n)", "Pareil", body: "<p>Zigouigoui de la cabane.</p>", author: "Jean Érable")
        }
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Pareils", items: items), to: feed, now: Clock.start)
        for query in ["zigouigoui", "zigouigoui pareil"] {
            let found = try searched(query)
            #expect(found.count == 5)
            #expect(found == found.sorted(), "\(query)")
        }
    }

    @Test("The weights are the ones the index's rank option was given")
    func weights() throws {
        let option = try scratch.store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT v FROM article_search_config WHERE k = 'rank'")
        }
        #expect(option == "bm25(\(SearchRank.weights))")
    }
}
