@testable import FeedStorage
import FeedModel
import FeedParsing
import FilterLanguage
import Foundation
import GRDB
import Testing

/// Article HTML is stored zstd-compressed (StoredHTML); stores an older qnread wrote are converted on opening.
@Suite("Compressed article HTML")
struct StoredHTMLTests {
    /// A long article, as feeds write them: entities, accents, a phrase, markup.
    static let longBody = (1...40).map { n in
        "<p>Paragraphe \(n)&nbsp;: la communaut&eacute; du logiciel libre de Québec se réunit au <strong>Morrin Centre</strong>"
            + " pour parler d’accessibilité et de données ouvertes.</p>"
    }.joined(separator: "\n")

    @Test("A long article is stored compressed, opens byte for byte, and is found by search and filters")
    func roundTrip() throws {
        let scratch = try ScratchStore()
        let feed = try scratch.store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Québec numérique", items: [
            Samples.item("long", "Une longue soirée", body: Self.longBody),
            Samples.item("court", "Brève", body: "<p>Oui.</p>"),
        ]), to: feed.id, now: Clock.start)
        let kinds = try scratch.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, typeof(content_html), length(content_html) FROM article ORDER BY key")
                .map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int)" }
        }
        let stored = try #require(kinds.first { $0.hasPrefix("id:long ") })
        #expect(stored.hasPrefix("id:long blob "), "\(kinds)")
        #expect(Int(stored.split(separator: " ")[2])! * 4 < Self.longBody.utf8.count, "compressed at least 4×: \(stored)")
        #expect(kinds.contains("id:court text 11"), "too short to gain: kept as text (\(kinds))")

        let hits = try scratch.store.search("« logiciel libre » quebec")
        #expect(hits.map(\.article.title) == ["Une longue soirée"])
        #expect(hits.first?.snippet.contains { $0.isMatch } == true)
        #expect(try scratch.store.search("communaute ouvert*").count == 1)
        let article = try #require(try scratch.store.article(hits[0].article.id))
        #expect(article.contentHTML == Self.longBody)
        let filter = try FilterExpression(parsing: #"content =~ "morrin centre pour""#)
        let filtered = try scratch.store.articles(ArticleScope(filter: filter))
        #expect(filtered.map(\.title) == ["Une longue soirée"])
        #expect(try scratch.store.integrityProblems() == [])
    }

    @Test("A store an older qnread wrote is converted on opening: same articles, same searches, a smaller file")
    func migration() throws {
        let scratch = try ScratchStore()
        let path = scratch.directory.appendingPathComponent("avant.sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(function: FeedStore.plainTextFunction) }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try StoreSchema.migrator.migrate(queue, upTo: "2026-12-06 sync with a server aggregator")
        // As the previous schema stored them: HTML as text, indexed with the body last.
        try queue.write { db in
            try db.execute(sql: "INSERT INTO feed(id, url, title, position) VALUES (1, 'https://quebecnumerique.example/feed', 'Québec numérique', 0)")
            for n in 1...200 {
                try db.execute(sql: """
                    INSERT INTO article(id, feed_id, key, title, summary_html, content_html, sort_date, revision)
                    VALUES (?, 1, ?, ?, ?, ?, ?, 'r')
                    """, arguments: [n, "id:\(n)", "Soirée \(n)", "<p>Résumé \(n).</p>", Self.longBody + "<p>n\(n)</p>", 1_764_590_400 + n])
                try db.execute(sql: "INSERT INTO status(article_id, feed_id, sort_date, arrived) VALUES (?, 1, ?, 0)",
                               arguments: [n, 1_764_590_400 + n])
            }
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('rebuild')")
        }
        try queue.close()
        let before = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int

        var heard: [String] = []
        let store = try FeedStore(path: path) { heard.append($0.description) }
        #expect(heard == ["\(path): updating the database for this version of qnread (once; a large store takes a minute)…"])
        let after = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(after * 2 < before, "vacuumed after compressing: \(before) → \(after) bytes")
        let (pageSize, journal) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(pageSize == FeedStore.pageSize, "4 KiB pages became 16 KiB ones")
        #expect(journal == "wal")
        let kinds = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT typeof(summary_html) || ' ' || typeof(content_html) FROM article")
        }
        #expect(kinds == ["text blob"], "the short summaries stay text, the long bodies are compressed")
        #expect(try store.article(ArticleID(7))?.contentHTML == Self.longBody + "<p>n7</p>")
        #expect(try store.article(ArticleID(7))?.summaryHTML == "<p>Résumé 7.</p>")
        #expect(try store.search("n7").map(\.article.id) == [ArticleID(7)])
        #expect(try store.search("\"logiciel libre\" communaute", limit: 500).count == 200)
        #expect(try store.search("Soirée", limit: 500).count == 200, "titles are indexed too")
        #expect(try store.integrityProblems() == [])
    }
}
