import FeedModel
import FilterLanguage
import Foundation
import GRDB
import Localization

// Query feeds (newsboat's `query:NAME:FILTER`) and search feeds (our `search:NAME:WORDS`) are rows of the feed
// table like any feed of the list: `syncSubscriptions` places, tags and titles them, so the reader shows and opens
// them with the ids it already knows. No article ever belongs to one; their articles are whatever their filter or
// search selects, each time they are read.

extension FeedStore {
    /// What a query or search feed selects: conditions over `a`, `s` and `f`, and whether they read the article row.
    struct QuerySelection {
        var conditions = SQLConditions()
        var readsArticle = false

        /// The articles the query feed's list shows: what it selects among the listed feeds (none hidden with !),
        /// none hidden by the killfile.
        var shown: QuerySelection {
            var shown = self
            shown.conditions.add(FeedStore.isListed("f"))
            shown.conditions.add("s.is_ignored = 0")
            return shown
        }

        /// The same selection as one condition on `s.article_id`, in a subquery with aliases of its own: for a
        /// statement whose own `s` is another row (a search's match) or that has no `a` and `f` (an UPDATE).
        var byArticleID: SQLConditions {
            var selected = SQLConditions()
            selected.add("""
                s.article_id IN (SELECT s.article_id FROM status s JOIN article a ON a.id = s.article_id
                                 JOIN feed f ON f.id = s.feed_id \(conditions.whereClause))
                """, arguments: conditions.arguments)
            return selected
        }
    }

    /// The selection of feed `id` when it is a query or search feed; nil for an ordinary feed.
    func querySelection(_ db: Database, feed id: FeedID) throws -> QuerySelection? {
        guard let url = try String.fetchOne(db, sql: "SELECT url FROM feed WHERE id = ?", arguments: [id.rawValue]),
              QueryFeed.isQuery(url) else { return nil }
        return try querySelection(db, url: url)
    }

    /// Throws `FeedStoreError` for a query feed that cannot be read (the feeds list reports those and never syncs
    /// them) and `SearchQueryError` for a search that cannot run.
    func querySelection(_ db: Database, url: String) throws -> QuerySelection {
        let query: QueryFeed
        do {
            guard let parsed = try QueryFeed(url: url) else { throw FeedStoreError(N_("%s is not a query feed"), url) }
            query = parsed
        } catch let error as QueryFeedError {
            throw FeedStoreError(error.words)
        }
        var selection = QuerySelection()
        switch query.kind {
        case .filter(let filter):
            let compiled = FilterSQL(filter, now: clock())
            selection.conditions.add(compiled.sql, arguments: compiled.arguments)
            selection.readsArticle = compiled.readsArticle
        case .search(let words):
            let search = try SearchQuery(parsing: words)
            // Every match, newest first like any feed: the index gives the ids, the list orders them by date.
            if search.hasWords {
                selection.conditions.add("s.article_id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)",
                                         search.matchExpression)
            }
            try add(search.filter, to: &selection.conditions, db)
        }
        return selection
    }

    /// Unread and total articles a query feed's list shows (`QuerySelection.shown`).
    func queryCounts(_ db: Database, url: String) throws -> (unread: Int, total: Int) {
        let selection = try querySelection(db, url: url).shown
        let conditions = selection.conditions
        // A filter on the article's columns reads them from article_listing, never from the article rows.
        let from = selection.readsArticle ? "article a CROSS JOIN status s ON s.article_id = a.id" : "status s"
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(s.is_read = 0), 0)
            FROM \(from) JOIN feed f ON f.id = s.feed_id
            \(conditions.whereClause)
            """, arguments: conditions.arguments)
        return (row?[1] ?? 0, row?[0] ?? 0)
    }

    /// The feed list's query rows with their counts; a query that cannot run shows its reason as the row's error
    /// (the reader's `E`) instead of failing the whole list. Counting a filter on titles reads 100,000 of them (a
    /// fifth of a second), so counts are kept until the store's generation moves (any write, by any process), or,
    /// for a filter on `age`, until the minute changes.
    func countingQueries(_ summaries: [FeedSummary], _ db: Database) throws -> [FeedSummary] {
        guard summaries.contains(where: { QueryFeed.isQuery($0.url) }) else { return summaries }
        let generation = try Int64.fetchOne(db, sql: "SELECT value FROM store_generation") ?? 0
        let minute = Int(clock().timeIntervalSince1970 / 60)
        return summaries.map { summary in
            guard QueryFeed.isQuery(summary.url) else { return summary }
            var counted = summary
            counted.isQuery = true
            let readsAge = ((try? QueryFeed(url: summary.url)) ?? nil).map { query in
                if case .filter(let filter) = query.kind { return filter.comparisons.contains { $0.attribute == .age } }
                return false
            } ?? false
            let key = readsAge ? "\(generation) \(minute)" : "\(generation)"
            do {
                let counts = try queryCounts.counts(for: summary.url, key: key) { try queryCounts(db, url: summary.url) }
                (counted.unreadCount, counted.totalCount) = (counts.unread, counts.total)
            } catch {
                counted.fetch.lastError = "\(error)"
            }
            return counted
        }
    }

    /// A query feed's row shows its name (`query:NAME:…`) when the list gives it no `~title`.
    static func queryFeedName(_ url: String) -> String? {
        ((try? QueryFeed(url: url)) ?? nil)?.name
    }
}

/// Query feeds' unread/total counts by feed URL, each with the key it was counted under (the store's generation,
/// and the minute for filters on `age`). One per FeedStore, shared by its threads.
final class QueryCountCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (key: String, unread: Int, total: Int)] = [:]

    func counts(for url: String, key: String,
                counting: () throws -> (unread: Int, total: Int)) throws -> (unread: Int, total: Int) {
        lock.lock()
        let cached = entries[url]
        lock.unlock()
        if let cached, cached.key == key { return (cached.unread, cached.total) }
        let counts = try counting()
        lock.lock()
        entries[url] = (key, counts.unread, counts.total)
        lock.unlock()
        return counts
    }
}
