import FeedModel
import Foundation
import GRDB

// Podcasts: the enclosures of stored articles, newest first, and where each one's download stands
// (`enclosure_download`, StoreSchema). The reader queues, the `download` command moves a download on; both read the
// same rows, so a download killed in the middle is found again, partial file and all.
extension FeedStore {
    /// Enclosures across feeds, newest article first, at most `limit` articles' worth; `newOnly` keeps those never
    /// queued. Articles the killfile hides are left out.
    public func enclosures(newOnly: Bool = false, limit: Int = 500) throws -> [EnclosureItem] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: Self.enclosureSelect + """
                WHERE a.enclosures IS NOT NULL AND s.is_ignored = 0
                ORDER BY a.sort_date DESC, a.id DESC LIMIT ?
                """, arguments: [max(0, limit)])
            let items = try Self.enclosureItems(db, rows)
            return newOnly ? items.filter { $0.download == nil } : items
        }
    }

    /// Episodes (articles with enclosures) and how many of them have none queued or downloaded: the reader's feed list
    /// asks at every load, so this reads only the partial index and the small downloads table (1 ms for 20,000
    /// episodes among 100,000 articles, where counting each enclosure against the killfile took 50 ms). Articles the
    /// killfile hides are counted.
    public func enclosureCounts() throws -> (total: Int, new: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), count(*) - (SELECT count(DISTINCT article_id) FROM enclosure_download)
                FROM article WHERE enclosures IS NOT NULL
                """)
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }

    /// The enclosures of these articles, in the order given.
    public func enclosures(ofArticles ids: [ArticleID]) throws -> [EnclosureItem] {
        try read { db in
            var items: [EnclosureItem] = []
            for id in ids {
                let rows = try Row.fetchAll(db, sql: Self.enclosureSelect + " WHERE a.id = ?", arguments: [id.rawValue])
                items += try Self.enclosureItems(db, rows)
            }
            return items
        }
    }

    /// Downloads waiting or interrupted (a process killed while `downloading`), oldest queued first.
    public func pendingDownloads() throws -> [EnclosureItem] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT article_id FROM enclosure_download WHERE phase IN ('queued', 'downloading') ORDER BY queued
                """)
            var items: [EnclosureItem] = []
            for id in ids {
                let rows = try Row.fetchAll(db, sql: Self.enclosureSelect + " WHERE a.id = ?", arguments: [id])
                items += try Self.enclosureItems(db, rows).filter { $0.download?.phase == .queued || $0.download?.phase == .downloading }
            }
            return items
        }
    }

    /// Queues each enclosure that is new or failed (a done or running one is left alone); returns how many were queued.
    @discardableResult
    public func queueDownloads(_ ids: [EnclosureItem.ID], now: Date = Date()) throws -> Int {
        try write { db in
            var queued = 0
            for id in ids {
                try db.execute(sql: """
                    INSERT INTO enclosure_download(article_id, url, phase, queued) VALUES (?, ?, 'queued', ?)
                    ON CONFLICT(article_id, url) DO UPDATE SET phase = 'queued', error = NULL, queued = excluded.queued
                    WHERE phase = 'failed'
                    """, arguments: [id.article.rawValue, id.url, now.timeIntervalSince1970])
                queued += db.changesCount
            }
            return queued
        }
    }

    /// Records how far a download has got (or how it ended).
    public func recordDownload(_ id: EnclosureItem.ID, _ state: DownloadState, now: Date = Date()) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO enclosure_download(article_id, url, phase, path, received, total, error, queued)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(article_id, url) DO UPDATE SET phase = excluded.phase, path = excluded.path,
                    received = excluded.received, total = excluded.total, error = excluded.error
                """, arguments: [id.article.rawValue, id.url, state.phase.rawValue, state.path, state.received, state.total,
                                 state.error, now.timeIntervalSince1970])
        }
    }

    private static let enclosureSelect = """
        SELECT a.id, a.feed_id, coalesce(f.custom_title, f.title, f.url) AS feed_title, a.title, a.sort_date, a.enclosures
        FROM article a JOIN status s ON s.article_id = a.id JOIN feed f ON f.id = a.feed_id


        """

    private static func enclosureItems(_ db: Database, _ rows: [Row]) throws -> [EnclosureItem] {
        let downloads = try Self.downloads(db, articles: rows.map { $0["id"] as Int64 })
        return rows.flatMap { row -> [EnclosureItem] in
            let article = ArticleID(row["id"] as Int64)
            return StoredValues.enclosures(row["enclosures"]).map { enclosure in
                EnclosureItem(articleID: article, feedID: FeedID(row["feed_id"] as Int64), feedTitle: row["feed_title"],
                              articleTitle: row["title"], date: Date(timeIntervalSince1970: row["sort_date"]),
                              enclosure: enclosure, download: downloads[EnclosureItem.ID(article: article, url: enclosure.url)])
            }
        }
    }

    private static func downloads(_ db: Database, articles: [Int64]) throws -> [EnclosureItem.ID: DownloadState] {
        var states: [EnclosureItem.ID: DownloadState] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT url, phase, path, received, total, error FROM enclosure_download WHERE article_id = ?
            """)
        for article in Set(articles) {
            for row in try Row.fetchAll(statement, arguments: [article]) {
                guard let phase = DownloadState.Phase(rawValue: row["phase"]) else { continue }
                states[EnclosureItem.ID(article: ArticleID(article), url: row["url"])] = DownloadState(
                    phase: phase, path: row["path"], received: row["received"], total: row["total"], error: row["error"])
            }
        }
        return states
    }
}
