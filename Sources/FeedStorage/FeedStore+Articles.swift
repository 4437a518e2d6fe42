import FeedModel
import FilterLanguage
import Foundation
import GRDB

/// Which articles a list shows.
public struct ArticleScope: Hashable, Sendable {
    /// One feed, or nil for every feed.
    public var feed: FeedID?
    /// Feeds with this tag (from the feeds file, see `syncSubscriptions`).
    public var tag: String?
    public var unreadOnly: Bool
    public var starredOnly: Bool
    /// Articles a filter matches (`qnread articles --filter`, query feeds).
    public var filter: FilterExpression?

    public init(feed: FeedID? = nil, tag: String? = nil, unreadOnly: Bool = false, starredOnly: Bool = false,
                filter: FilterExpression? = nil) {
        self.feed = feed
        self.tag = tag
        self.unreadOnly = unreadOnly
        self.starredOnly = starredOnly
        self.filter = filter
    }

    public static let all = ArticleScope()
    public static let unread = ArticleScope(unreadOnly: true)
    public static let starred = ArticleScope(starredOnly: true)
    public static func feed(_ id: FeedID, unreadOnly: Bool = false) -> ArticleScope {
        ArticleScope(feed: id, unreadOnly: unreadOnly)
    }
}

public enum UnreadDirection: Hashable, Sendable {
    /// Older articles of the same feed, then the following feeds in feed-list order.
    case next
    /// Newer articles of the same feed, then the preceding feeds.
    case previous
}

extension FeedStore {
    /// One page of a list, newest first. Pass the last row of a page as `after` to get the next one.
    public func articles(_ scope: ArticleScope = .all, after cursor: ArticleCursor? = nil,
                         limit: Int = 50) throws -> [ArticleSummary] {
        try read { db in
            let query = try scope.feed.flatMap { try querySelection(db, feed: $0) }
            let filter = scope.filter.map { FilterSQL($0, now: clock()) }
            let readsArticle = query?.readsArticle == true || filter?.readsArticle == true
            // Each scope walks the index built for it: article_by_feed_date, article_listing, or the partial
            // status_unread* / status_starred indexes of the status table. A filter or query feed that tests the
            // article's own columns walks article_listing, which holds them: CROSS JOIN keeps SQLite from starting at
            // a status index and then reading 100,000 article rows to sort them (1 s for `unread = "yes"`).
            let forcesListing = (query != nil || filter != nil) && (readsArticle || !(scope.unreadOnly || scope.starredOnly))
            let listTable = (scope.unreadOnly || scope.starredOnly) && !forcesListing ? "s" : "a"
            let idColumn = listTable == "s" ? "s.article_id" : "a.id"
            var conditions = SQLConditions(Self.isShown("f"))
            conditions.add("s.is_ignored = 0")
            if let feed = scope.feed, query == nil {
                conditions.add("\(listTable).feed_id = ?", feed.rawValue)
            } else {
                // A merged list, a query feed's included: feeds hidden with ! stay out of it.
                conditions.add("f.is_hidden = 0")
            }
            if let tag = scope.tag {
                conditions.add("\(listTable).feed_id IN (SELECT feed_id FROM feed_tag WHERE tag = ?)", tag)
            }
            if scope.unreadOnly { conditions.add("s.is_read = 0") }
            if scope.starredOnly { conditions.add("s.is_starred = 1") }
            if let query { conditions.add(query.conditions) }
            if let filter { conditions.add(filter.sql, arguments: filter.arguments) }
            if let cursor {
                let date = cursor.date.timeIntervalSince1970
                conditions.add("(\(listTable).sort_date < ? OR (\(listTable).sort_date = ? AND \(idColumn) < ?))",
                               date, date, cursor.id.rawValue)
            }
            let from = listTable == "s" ? "status s JOIN article a ON a.id = s.article_id"
                : forcesListing ? "article a CROSS JOIN status s ON s.article_id = a.id"
                : "article a JOIN status s ON s.article_id = a.id"
            let sql = """
                SELECT \(Self.summaryColumns) FROM \(from) JOIN feed f ON f.id = a.feed_id
                \(conditions.whereClause)
                ORDER BY \(listTable).sort_date DESC, \(idColumn) DESC LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: conditions.arguments(then: max(0, limit))).map(Self.summary)
        }
    }

    /// The whole article, for the pager; nil when it is not (or no longer) stored.
    public func article(_ id: ArticleID) throws -> Article? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.*, s.is_read, s.is_starred, s.arrived, f.custom_title, f.title AS feed_own_title, f.url
                FROM article a JOIN status s ON s.article_id = a.id JOIN feed f ON f.id = a.feed_id
                WHERE a.id = ?
                """, arguments: [id.rawValue]) else { return nil }
            let feedTitle: String = (row["custom_title"] as String?) ?? (row["feed_own_title"] as String?) ?? row["url"]
            return Article(
                id: id, feedID: FeedID(row["feed_id"] as Int64), feedTitle: feedTitle, title: row["title"],
                link: row["link"], authors: StoredValues.list(row["authors"]),
                published: StoredValues.date(row["published"]), updated: StoredValues.date(row["updated"]),
                summaryHTML: StoredHTML.html(row["summary_html"]), contentHTML: StoredHTML.html(row["content_html"]),
                categories: StoredValues.list(row["categories"]), enclosures: StoredValues.enclosures(row["enclosures"]),
                status: ArticleStatus(isRead: row["is_read"], isStarred: row["is_starred"],
                                      arrived: Date(timeIntervalSince1970: row["arrived"])))
        }
    }

    /// The next (or previous) unread article from `article`, across feeds in feed-list order; from the start
    /// (or the end) of the list when `article` is nil. Nil when there is no other unread article.
    public func unreadArticle(_ direction: UnreadDirection, from article: ArticleID? = nil) throws -> ArticleSummary? {
        try read { db in
            let feeds = try Int64.fetchAll(db, sql: "SELECT id FROM feed WHERE \(Self.isListed("feed")) \(Self.feedListOrder)")
            let forward = direction == .next
            var start = forward ? 0 : feeds.count - 1
            if let article, let row = try Row.fetchOne(db, sql: """
                SELECT feed_id, sort_date FROM status WHERE article_id = ?
                """, arguments: [article.rawValue]), let index = feeds.firstIndex(of: row["feed_id"]) {
                let compare = forward
                    ? "(sort_date < :date OR (sort_date = :date AND article_id < :id))"
                    : "(sort_date > :date OR (sort_date = :date AND article_id > :id))"
                let order = forward ? "sort_date DESC, article_id DESC" : "sort_date, article_id"
                if let id = try Int64.fetchOne(db, sql: """
                    SELECT article_id FROM status WHERE feed_id = :feed AND is_read = 0 AND is_ignored = 0 AND \(compare)
                    ORDER BY \(order) LIMIT 1
                    """, arguments: ["feed": row["feed_id"] as Int64, "date": row["sort_date"] as Double,
                                     "id": article.rawValue]) {
                    return try Self.summary(db, id: id)
                }
                start = forward ? index + 1 : index - 1
            }
            let candidates = forward ? Array(feeds.dropFirst(max(0, start)))
                                     : Array(feeds.prefix(max(0, start + 1)).reversed())
            let order = forward ? "sort_date DESC, article_id DESC" : "sort_date, article_id"
            for feed in candidates where try Int.fetchOne(db, sql: "SELECT unread_count FROM feed WHERE id = ?",
                                                           arguments: [feed]) ?? 0 > 0 {
                if let id = try Int64.fetchOne(db, sql: """
                    SELECT article_id FROM status WHERE feed_id = ? AND is_read = 0 AND is_ignored = 0 ORDER BY \(order) LIMIT 1
                    """, arguments: [feed]) {
                    return try Self.summary(db, id: id)
                }
            }
            return nil
        }
    }

    /// The date is the status row's copy: the article's own comes after its HTML in the row, so reading it
    /// walks the body's overflow pages (for every candidate of a search, 1,000 of them).
    static let summaryColumns = """
        a.id, a.feed_id, coalesce(f.custom_title, f.title, f.url) AS feed_title, a.title, a.link, s.sort_date,
        s.is_read, s.is_starred
        """

    static func summary(_ db: Database, id: Int64) throws -> ArticleSummary? {
        try Row.fetchOne(db, sql: """
            SELECT \(summaryColumns) FROM article a JOIN status s ON s.article_id = a.id JOIN feed f ON f.id = a.feed_id
            WHERE a.id = ?
            """, arguments: [id]).map(summary)
    }

    static func summary(_ row: Row) -> ArticleSummary {
        ArticleSummary(id: ArticleID(row["id"] as Int64), feedID: FeedID(row["feed_id"] as Int64),
                       feedTitle: row["feed_title"], title: row["title"], link: row["link"],
                       date: Date(timeIntervalSince1970: row["sort_date"]), isRead: row["is_read"],
                       isStarred: row["is_starred"])
    }
}
