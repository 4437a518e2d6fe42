import FeedModel
import Foundation
import GRDB
import Localization

extension FeedStore {
    /// Parses `text` (see `SearchQuery`) and runs it. Throws `SearchQueryError` for a query that cannot run.
    public func search(_ text: String, filter: SearchFilter = SearchFilter(), limit: Int = 50) throws -> [SearchHit] {
        try search(SearchQuery(parsing: text, filter: filter), limit: limit)
    }

    /// The best `limit` matches, best first (bm25, title weighted above authors, feed title and body),
    /// each with a snippet of the column that matched best.
    public func search(_ query: SearchQuery, limit: Int = 50) throws -> [SearchHit] {
        guard query.hasWords else { return try filtered(query.filter, limit: limit) }
        return try read { db in
            // The index's word list is read only for a query that has a prefix term (a temp table, a tokenizer).
            let expansions = query.terms.contains(where: \.isPrefix) ? try PrefixExpansion(db).words(of: query) : [:]
            let expression = query.matchExpression(expanding: expansions)
            var conditions = SQLConditions("article_search MATCH ?", expression)
            if try Self.hidesSomeFeed(db) {
                conditions.add("s.feed_id IN (SELECT id FROM feed WHERE \(Self.isShown("feed")))")
            }
            if try Self.hidesSomeArticle(db) { conditions.add("s.is_ignored = 0") }
            try add(query.filter, to: &conditions, db)
            // Ranking every match of a common word (« québec » in 100,000 articles) costs half a second:
            // only the newest `rankedMatches` matches are ranked. FTS5 finds them by rowid (= article id,
            // in arrival order) almost for free, and bm25 then runs on at most that many rows.
            // With nothing but the words to match, the newest matches come from the index alone: joining the
            // article and status rows of 1,000 matches only to test no condition cost a third of a search.
            // A filter tests the status row alone (it copies the article's feed and date): the article row, with
            // its HTML, is far longer to find, and `after:2026-10-01 automne` tests 6,000 matches (6.3 → 2.9 ms).
            let isFiltered = conditions.count > 1
            let matches = isFiltered ? """
                FROM article_search
                JOIN status s ON s.article_id = article_search.rowid
                \(conditions.whereClause)
                """ : "FROM article_search WHERE article_search MATCH ?"
            // One walk reads the newest matches with their scores; only the best `limit` (ties by id, the order FTS5's
            // own `ORDER BY rank` left them in) are then found again for their snippets, the costly part: each one's
            // body is derived again from its HTML and tokenized.
            let rank = SearchRank.expression(singleTerm: query.positiveTermCount(expanding: expansions) == 1)
            let snippet = "snippet(article_search, -1, char(2), char(3), '…', \(Self.snippetTokens))"
            let snippets = Self.walksForSnippets(query, expanding: expansions) ? (
                table: """
                    , snippets AS MATERIALIZED (
                        SELECT article_search.rowid AS id, \(snippet) AS snippet FROM article_search
                        WHERE article_search MATCH ? AND article_search.rowid >= (SELECT min(id) FROM best)
                        AND +article_search.rowid IN (SELECT id FROM best))
                    """,
                column: "snippets.snippet", join: "LEFT JOIN snippets ON snippets.id = best.id"
            ) : (
                table: "",
                column: """
                    (SELECT \(snippet) FROM article_search
                     WHERE article_search MATCH ? AND article_search.rowid >= best.id
                     ORDER BY article_search.rowid LIMIT 1)
                    """,
                join: ""
            )
            let sql = """
                WITH newest AS (SELECT article_search.rowid AS id, \(rank) AS score \(matches)
                                ORDER BY article_search.rowid DESC LIMIT \(Self.rankedMatches)),
                     best AS (SELECT id, score FROM newest ORDER BY score, id LIMIT ?)
                     \(snippets.table)
                SELECT \(Self.summaryColumns), \(snippets.column) AS snippet
                FROM best
                \(snippets.join)
                JOIN article a ON a.id = best.id
                JOIN status s ON s.article_id = a.id
                JOIN feed f ON f.id = a.feed_id
                ORDER BY best.score, best.id
                """
            var arguments = isFiltered ? conditions.arguments : [expression]
            _ = arguments.append(contentsOf: [max(0, limit), expression])
            do {
                // Kept prepared: a search's SQL has a few shapes, and preparing it was a tenth of a short search.
                return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
                    SearchHit(article: Self.summary(row), snippet: Self.segments(row["snippet"]))
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                // The query was built to be valid FTS5; should the index still refuse it, say so plainly.
                let terms = query.terms.map(\.text).joined(separator: " ")
                if let message = error.message { throw SearchQueryError(N_("cannot search for %s: %s"), terms, message) }
                throw SearchQueryError(N_("cannot search for %s: refused by the search index"), terms)
            }
        }
    }

    /// A search of filters alone (`tag:balado is:unread`): what they keep, newest first, without snippets.
    private func filtered(_ filter: SearchFilter, limit: Int) throws -> [SearchHit] {
        try read { db in
            var conditions = SQLConditions(Self.isShown("f"))
            conditions.add("s.is_ignored = 0")
            try add(filter, to: &conditions, db)
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns)
                FROM status s JOIN article a ON a.id = s.article_id JOIN feed f ON f.id = s.feed_id
                \(conditions.whereClause)
                ORDER BY s.sort_date DESC, s.article_id DESC LIMIT ?
                """, arguments: conditions.arguments(then: max(0, limit))).map { SearchHit(article: Self.summary($0), snippet: []) }
        }
    }

    /// The conditions of a search's filters (`feed:`, `tag:`, `is:`, `after:`, `before:`) over `s` (the status
    /// row's copies of the feed and date), shared by searches and search feeds. A feed that is a query feed
    /// narrows to what it selects.
    func add(_ filter: SearchFilter, to conditions: inout SQLConditions, _ db: Database) throws {
        var feeds: [FeedID] = filter.feed.map { [$0] } ?? []
        if let url = filter.feedURL {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE url = ?", arguments: [url]) else {
                throw FeedStoreError(N_("no feed with URL %s"), url)
            }
            feeds.append(FeedID(id))
        }
        for feed in feeds {
            if let selection = try querySelection(db, feed: feed) {
                conditions.add(selection.byArticleID)
            } else {
                conditions.add("s.feed_id = ?", feed.rawValue)
            }
        }
        if let tag = filter.tag { conditions.add("s.feed_id IN (SELECT feed_id FROM feed_tag WHERE tag = ?)", tag) }
        if filter.unreadOnly { conditions.add("s.is_read = 0") }
        if filter.starredOnly { conditions.add("s.is_starred = 1") }
        if let since = filter.since { conditions.add("s.sort_date >= ?", since.timeIntervalSince1970) }
        if let until = filter.until { conditions.add("s.sort_date < ?", until.timeIntervalSince1970) }
    }

    /// Whether some feed is out of the screens (`isShown`): only then does a search need to test each match's feed.
    static func hidesSomeFeed(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM feed WHERE position IS NULL) AND EXISTS (SELECT 1 FROM feed WHERE position IS NOT NULL)
            """)) ?? false
    }

    /// How a search's best matches are found again for their snippets (the same rows either way). One at a time, as
    /// the first match at or after each one's id: FTS5 finds a phrase there in 16 µs (« logiciel libre »), where
    /// `rowid = id`, bounded on both sides, took 85. But each lookup opens one iterator per word of the expression,
    /// about 15 µs each: a prefix written as its 11 words (`todé*`) made 20 lookups cost 3.4 ms, where one more walk
    /// of the newest matches, the snippets made for the best alone, costs 0.5. That walk re-reads a phrase's
    /// positions in every article holding its words (3 ms for « logiciel libre »): so it is for prefixes of several
    /// words in a search without phrases (a term with a space, hyphen or apostrophe is taken for one).
    static func walksForSnippets(_ query: SearchQuery, expanding words: [String: [String]]) -> Bool {
        words.values.contains { $0.count > 1 }
            && !query.terms.contains { $0.text.contains { !$0.isLetter && !$0.isNumber } }
    }

    /// How many of the newest matches a search ranks (see above).
    static let rankedMatches = 1_000

    /// Words of context in a snippet.
    static let snippetTokens = 16

    /// Splits FTS5's snippet, where char(2)…char(3) surround each match, into segments.
    static func segments(_ snippet: String?) -> [SnippetSegment] {
        guard let snippet else { return [] }
        var segments: [SnippetSegment] = []
        var current = ""
        var inMatch = false
        for character in snippet {
            if character == "\u{2}" || character == "\u{3}" {
                if !current.isEmpty { segments.append(SnippetSegment(current, isMatch: inMatch)) }
                current = ""
                inMatch = character == "\u{2}"
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { segments.append(SnippetSegment(current, isMatch: inMatch)) }
        return segments
    }
}
