import GRDB

/// A prefix term (`dévelop*`) as the words the index holds that start with it: `("developpement" OR "developpeur" OR
/// "developpeuse")`. FTS5 without a prefix index answers a prefix by reading and merging every such word's whole list
/// of articles, and did so three times a search (the newest matches, the ranked ones, bm25's statistics): 30 ms of
/// the slowest bench search at 100,000 articles. The same words joined by OR match the same articles and are read
/// lazily, newest first. A prefix index (`prefix='2 3'`) would have done it too, at 2.2 times the index's size.
/// A prefix that stands for more than `maximumWords` words, or that the tokenizer splits in two (`saint-lau*`), is
/// left to FTS5 as it is. Only the ranking can differ: bm25 weighs each word of the OR on its own.
struct PrefixExpansion {
    /// Beyond this many words, the OR costs more than FTS5's own merge.
    static let maximumWords = 16

    private let tokenizer: FTS5Tokenizer
    private let nextWord: Statement

    init(_ db: Database) throws {
        // The index's own tokenizer (StoreSchema: unicode61 remove_diacritics 2) folds the prefix as it folded the words.
        tokenizer = try db.makeTokenizer(.unicode61(diacritics: .remove))
        // The index's words in order, read one at a time: fts5vocab's 'instance' rows come lazily, where its 'row'
        // rows count every word's articles first (4 ms for the three words of dévelop*).
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_word USING fts5vocab(main, article_search, 'instance')")
        nextWord = try db.cachedStatement(sql: "SELECT term FROM temp.search_word WHERE term >= ? LIMIT 1")
    }

    /// The words each prefix term of `query` stands for, by the term's text; prefixes FTS5 should take are left out.
    func words(of query: SearchQuery) throws -> [String: [String]] {
        var expansions: [String: [String]] = [:]
        for term in query.terms where term.isPrefix && expansions[term.text] == nil {
            if let words = try words(term.text) { expansions[term.text] = words }
        }
        return expansions
    }

    /// The indexed words that `prefix` (as typed) stands for, or nil when FTS5 should take the prefix itself.
    func words(_ prefix: String) throws -> [String]? {
        let tokens = try tokenizer.tokenize(query: prefix)
        guard tokens.count == 1, let folded = tokens.first?.token, !folded.isEmpty else { return nil }
        var words: [String] = []
        var from = folded
        // Words hold letters and digits only, so a word longer than `word` sorts at or after `word` + U+0001.
        while let word = try String.fetchOne(nextWord, arguments: [from]), word.hasPrefix(folded) {
            guard words.count < Self.maximumWords else { return nil }
            words.append(word)
            from = word + "\u{1}"
        }
        return words.isEmpty ? nil : words
    }
}
