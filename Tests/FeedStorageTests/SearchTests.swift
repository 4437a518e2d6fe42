import FeedModel
import FeedParsing
@testable import FeedStorage
import Foundation
import Testing

@Suite("Accent-blind full-text search")
struct SearchTests {
    let scratch: ScratchStore
    let quebec: FeedID
    let montreal: FeedID

    init() throws {
        scratch = try ScratchStore()
        (quebec, montreal) = try scratch.subscribeToTwoFeeds()
    }

    var store: FeedStore { scratch.store }

    private func titles(_ query: String, filter: SearchFilter = SearchFilter()) throws -> [String] {
        try store.search(query, filter: filter).map(\.article.title)
    }

    @Test("A bidi mark pasted inside a word leaves the word whole in the index, and the index stays sound")
    func bidiMarksInsideWords() throws {
        let feed = try store.syncSubscriptions(["https://quebecnumerique.example/feed", "https://montrealpython.example/feed",
                                                "https://marques.example/feed"].map { Subscription(url: $0) })[2]
        try store.apply(ParsedFeed(format: .rss20, title: "Marques", items: [
            Samples.item("m1", "Marque cachée", body: "<p>Rendez-vous à Trois-Riv\u{200F}ières, au c\u{200E}égep.</p>", author: nil),
        ]), to: feed, now: Clock.start)
        #expect(try titles("trois-rivieres cegep") == ["Marque cachée"])
        #expect(try store.integrityProblems().isEmpty)
    }

    // Four bodies spell the city four ways, one of them as an HTML entity: every spelling finds all four.
    @Test("quebec, QUÉBEC and Québec find quebec, QUÉBEC, Québec and Qu&eacute;bec", arguments: [
        "quebec", "QUÉBEC", "Québec", "qUéBeC",
    ])
    func accentsAndCase(query: String) throws {
        let feed = try store.syncSubscriptions(["https://quebecnumerique.example/feed", "https://montrealpython.example/feed",
                                                "https://graphies.example/feed"].map { Subscription(url: $0) })[2]
        let spellings = ["quebec", "QUÉBEC", "Québec", "Qu&eacute;bec"]
        try store.apply(ParsedFeed(format: .rss20, title: "Graphies", items: spellings.enumerated().map { index, spelling in
            Samples.item("g\(index)", "Graphie \(index)", body: "<p>Visite à \(spelling) cet été.</p>", author: nil)
        }), to: feed, now: Clock.start)
        #expect(Set(try titles(query + " visite")) == ["Graphie 0", "Graphie 1", "Graphie 2", "Graphie 3"])
    }

    @Test("ecole finds « École » in titles and bodies, title matches ranked first")
    func ecole() throws {
        #expect(try titles("ecole") == ["L’École 42 ouvre un campus", "Atelier débutant : premiers pas"])
        #expect(try titles("ÉCOLE") == titles("ecole"))
    }

    @Test("Filters alone list what they keep, newest first, without snippets")
    func filtersAlone() throws {
        let soiree = try #require(try store.search("soiree").first?.article)
        try store.mark(.articles([soiree.id]), .read)
        let hits = try store.search("tag:montréal is:unread")
        #expect(hits.map(\.article.title) == ["Atelier débutant : premiers pas"])
        #expect(hits.allSatisfy { $0.snippet.isEmpty })
        #expect(try titles("after:2025-11-28 before:2025-11-30") == ["L’École 42 ouvre un campus", "Transformation numérique des PME"])
        #expect(try titles("", filter: SearchFilter(feed: quebec, unreadOnly: true)).count == 3)
    }

    @Test("Script contents are not indexed")
    func scriptNotIndexed() throws {
        #expect(try titles("track").isEmpty)
    }

    @Test("A prefix finds every word it starts, accents ignored")
    func prefix() throws {
        // « numérisation » is only in the PME body.
        #expect(try titles("numérisa*") == ["Transformation numérique des PME"])
        #expect(try titles("numerisa*") == ["Transformation numérique des PME"])
        // « numérique » is in the feed's title, so all three Québec numérique articles match, the one
        // with the word in its own title first.
        #expect(try titles("numéri*").first == "Transformation numérique des PME")
        #expect(try titles("numéri*").count == 3)
        #expect(Set(try titles("donn*")) == ["Soirée éclair : Python et données ouvertes"])
    }

    @Test("Quotes and guillemets make a phrase: words together, in order")
    func phrase() throws {
        #expect(try titles(#""intelligence artificielle""#) == ["Rencontre « Web à Québec » : le programme"])
        #expect(try titles("« données ouvertes »") == ["Soirée éclair : Python et données ouvertes"])
        #expect(try titles(#""artificielle intelligence""#).isEmpty)
    }

    @Test("Every word must match; -word excludes")
    func andAndExclusion() throws {
        #expect(try titles("python atelier") == ["Atelier débutant : premiers pas"])
        #expect(try titles("python -atelier") == ["Soirée éclair : Python et données ouvertes"])
        #expect(try titles(#"python -"données ouvertes""#) == ["Atelier débutant : premiers pas"])
    }

    @Test("Authors and the feed title are searched too")
    func authorsAndFeedTitle() throws {
        #expect(try titles("jean-françois").count == 2)
        #expect(try titles("montreal-python").count == 2)
    }

    // The index holds no text of its own: what it removes is re-derived from the stored rows, so every
    // path that changes those rows must take the old words out first (stale words would still match).
    @Test("Renamed feeds, rewritten articles and removed ones leave the search index exact")
    func indexFollowsEveryChange() throws {
        var renamed = Samples.quebecNumerique
        renamed.title = "Nouvelles de la Capitale-Nationale"
        renamed.items[0].content = "<p>Nouvelle salle : Espace Saint-Roch.</p>"
        try store.apply(renamed, to: quebec, now: Clock.day(1))
        #expect(try titles("capitale-nationale").count == 3)
        #expect(try titles("saint-roch").count == 1)
        try store.recordFetch(.success(httpStatus: 200, validators: FeedValidators(),
                                       permanentRedirect: "https://mtl.example/feed"), for: montreal, at: Clock.day(1))
        try store.applyRetention(RetentionPolicy(maxArticlesPerFeed: 1), now: Clock.day(2))
        try store.removeFeed(montreal)
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('integrity-check')")
        }
        #expect(try titles("capitale-nationale").count == 1)
        #expect(try store.integrityProblems() == [])
    }

    @Test("Filters narrow by feed, tag, unread, starred and date, in the query or from the caller")
    func filters() throws {
        #expect(try titles("ecole", filter: SearchFilter(feed: montreal)) == ["Atelier débutant : premiers pas"])
        #expect(try titles("ecole feed:https://quebecnumerique.example/feed") == ["L’École 42 ouvre un campus"])
        #expect(try titles("ecole tag:montréal") == ["Atelier débutant : premiers pas"])
        let ecole = try #require(try store.search("ecole").first).article.id
        try store.mark(.articles([ecole]), .read)
        try store.mark(.articles([ecole]), .starred)
        #expect(try titles("ecole is:unread") == ["Atelier débutant : premiers pas"])
        #expect(try titles("ecole", filter: SearchFilter(starredOnly: true)) == ["L’École 42 ouvre un campus"])
        // Clock.start is 2025-12-01: the École article is dated 2025-11-29, the atelier 2025-11-27.
        #expect(try titles("ecole after:2025-11-28") == ["L’École 42 ouvre un campus"])
        #expect(try titles("ecole before:2025-11-28") == ["Atelier débutant : premiers pas"])
    }

    @Test("The snippet surrounds the match, the matched word flagged")
    func snippet() throws {
        let hit = try #require(try store.search("morrin").first)
        let matches = hit.snippet.filter(\.isMatch).map(\.text)
        #expect(matches == ["Morrin"])
        let text = hit.snippet.map(\.text).joined()
        #expect(text.contains("à Québec, au Morrin Centre"))
    }

    @Test("A feed named in a filter that is not stored is a clear error")
    func unknownFeed() throws {
        #expect(throws: FeedStoreError("no feed with URL %s", "https://inconnu.example/")) {
            try store.search("ecole feed:https://inconnu.example/")
        }
    }

    @Test("Bad queries are clear errors, never SQL errors", arguments: [
        ("", "empty search: type at least one word"),
        ("   ", "empty search: type at least one word"),
        (#""logiciel libre"#, #"unbalanced quote in search: "logiciel libre has no closing ""#),
        ("-emploi -stage", "a search cannot only exclude words: add a word to look for"),
        ("-emploi tag:montréal", "a search cannot only exclude words: add a word to look for"),
        ("*", "a prefix needs letters before its *: *"),
        (#""""#, #"empty phrase in search: """#),
        ("is:lu québec", "unknown filter is:lu (use is:unread or is:starred)"),
        ("after:hier québec", "bad date in after:hier (use YYYY-MM-DD)"),
        ("before:2026-02-31 québec", "bad date in before:2026-02-31 (use YYYY-MM-DD)"),
        ("after:2026-1-5 québec", "bad date in after:2026-1-5 (use YYYY-MM-DD)"),
    ])
    func badQueries(query: String, message: String) throws {
        #expect { try store.search(query) } throws: { ($0 as? SearchQueryError)?.message == message }
    }

    @Test("FTS5 syntax typed by the reader is searched as words, never run as syntax", arguments: [
        "NEAR(québec école)", "title:québec", "québec OR école", "québec AND", "NOT école", "(québec", "^québec",
        "québec\"*", "col:*", "{title}: x", "québec -", "- québec", "'; DROP TABLE article; --",
    ])
    func ftsSyntaxIsInert(query: String) throws {
        do {
            _ = try store.search(query)
        } catch let error as SearchQueryError {
            #expect(!error.message.contains("fts5"), "\(query): \(error.message)")
        }
        #expect(try store.articles(.all).count == 5)
    }

    // Found by make fuzz (fuzz-search): a quote followed by a combining mark is one Character, and the quote was
    // left undoubled in the FTS5 string ("cannot search for a"֦b: unterminated string").
    @Test("A quote carrying a combining mark is searched as text", arguments: ["a\"\u{05A6}b", "\"\u{0301}école", "école\"\u{0301}*"])
    func quoteWithCombiningMark(query: String) throws {
        _ = try store.search(query)
    }

    // Found by make fuzz (fuzz-search): FTS5 reads its MATCH expression as a C string, so a NUL inside a term left
    // the quoted string unterminated and the search failed with "cannot search for …: unterminated string".
    @Test("Control characters in a query are dropped, a NUL included, and the words still match", arguments: [
        "é\u{FFFD}col\u{0}\u{8}", "éco\u{0}le", "\"école\u{0}\"", "école\u{0}*", "\u{1B}[31mécole", "é\u{200F}cole\tmorrin",
    ])
    func controlCharacters(query: String) throws {
        _ = try store.search(query)
        #expect(try store.search("éco\u{0}le").map(\.article.title) == titles("école"))
    }
}

@Suite("Searches matching more than the ranking window")
struct WideSearchTests {
    // « québec » is in every article: only the newest `rankedMatches` are ranked, and the best of them wins.
    @Test("The best match among the newest ones comes first; the hit count is the limit")
    func wideSearch() throws {
        let scratch = try ScratchStore()
        let feed = try scratch.store.findOrCreateFeed(url: "https://partout.example/feed").id
        let count = FeedStore.rankedMatches + 50
        var items = (0..<count).map { number in
            Samples.item("p\(number)", "Chronique nº \(number)", body: "<p>Encore une journée à Québec.</p>", author: nil)
        }
        // Feeds list newest first: the first item arrives last and gets the highest id.
        items[0].title = "Québec, Québec, Québec : la chronique de la ville"
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Partout", items: items), to: feed, now: Clock.start)
        let hits = try scratch.store.search("quebec", limit: 10)
        #expect(hits.count == 10)
        #expect(hits.first?.article.title == "Québec, Québec, Québec : la chronique de la ville")
    }
}
