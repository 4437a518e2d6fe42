import FeedModel
import Foundation
import GRDB
import Localization

/// How many articles to keep. Starred articles are always kept, whatever their age or rank.
public struct RetentionPolicy: Hashable, Sendable {
    /// Keep the newest N articles of each feed (plus its starred ones).
    public var maxArticlesPerFeed: Int?
    /// Drop articles dated more than this long before `now`.
    public var maxAge: TimeInterval?

    public init(maxArticlesPerFeed: Int? = nil, maxAgeDays: Int? = nil) {
        self.maxArticlesPerFeed = maxArticlesPerFeed
        self.maxAge = maxAgeDays.map { TimeInterval($0) * 86_400 }
    }

    public var keepsEverything: Bool { maxArticlesPerFeed == nil && maxAge == nil }
}

/// What `qnread stats` prints.
public struct StoreStatistics: Hashable, Sendable {
    /// Feeds fetched: query and search feeds are not counted.
    public var feeds: Int
    /// Articles the lists show; the killfile's hidden ones are `hidden`.
    public var articles: Int
    public var unread: Int
    public var starred: Int
    /// The database file plus its write-ahead log, in bytes.
    public var fileSize: Int64
    /// Bytes of free pages a cleanup would give back.
    public var reclaimableSize: Int64
    /// Articles stored but hidden by the killfile (`display` mode, or stored before a rule).
    public var hidden: Int = 0
}

extension FeedStore {
    /// Removes what the policy no longer keeps, one short transaction per feed so a running reload is
    /// never held up for long. Removed keys are remembered so the feed cannot bring them back as new.
    /// Returns how many articles were removed.
    @discardableResult
    public func applyRetention(_ policy: RetentionPolicy, now: Date) throws -> Int {
        guard !policy.keepsEverything else { return 0 }
        let feeds = try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM feed ORDER BY id") }
        var removed = 0
        for feed in feeds {
            removed += try write { db in
                var doomed = Set<Int64>()
                if let keep = policy.maxArticlesPerFeed {
                    doomed.formUnion(try Int64.fetchAll(db, sql: """
                        SELECT article_id FROM status WHERE feed_id = ? AND is_starred = 0
                            AND article_id NOT IN (SELECT article_id FROM status WHERE feed_id = ?
                                                   ORDER BY sort_date DESC, article_id DESC LIMIT ?)
                        """, arguments: [feed, feed, max(0, keep)]))
                }
                if let maxAge = policy.maxAge {
                    doomed.formUnion(try Int64.fetchAll(db, sql: """
                        SELECT article_id FROM status WHERE feed_id = ? AND is_starred = 0 AND sort_date < ?
                        """, arguments: [feed, now.timeIntervalSince1970 - maxAge]))
                }
                let remember = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO removed_article(feed_id, key, last_seen)
                    SELECT feed_id, key, ? FROM article WHERE id = ?
                    """)
                let delete = try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?")
                for id in doomed {
                    try remember.execute(arguments: [now.timeIntervalSince1970, id])
                    try delete.execute(arguments: [id])
                }
                return doomed.count
            }
        }
        return removed
    }

    /// Merges the search index, rebuilds the file without its free pages and truncates the log.
    /// Readers in other processes keep working; writers wait for it. A store with smaller pages than
    /// `FeedStore.pageSize` (written before 2026-12-06) gets them when no other process has it open: SQLite changes the
    /// page size only outside WAL, which it leaves only then (`journal_mode` stays `wal` otherwise, and VACUUM keeps
    /// the old size).
    public func compact() throws {
        try write { db in
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('optimize')")
        }
        // This store's own idle readers would keep the file in WAL too.
        pool.releaseMemory()
        do {
            try pool.writeWithoutTransaction { db in
                let resizes = try Int.fetchOne(db, sql: "PRAGMA page_size") != Self.pageSize
                    && String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
                // Back to WAL whatever happens: every connection expects it.
                defer { if resizes { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") } }
                if resizes { try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)") }
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "PRAGMA optimize")
            }
        } catch let error as DatabaseError {
            throw FeedStoreError(N_("%s: cannot compact the database (%s)"), path, error.message ?? "\(error.resultCode)")
        }
    }

    /// True when no feed has any article: the reader's first run, which imports the bundled demo feed.
    public func hasNoArticles() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM article)") ?? true }
    }

    public func statistics() throws -> StoreStatistics {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM feed WHERE NOT (url GLOB 'query:*' OR url GLOB 'search:*')),
                       (SELECT coalesce(sum(article_count), 0) FROM feed),
                       (SELECT coalesce(sum(unread_count), 0) FROM feed),
                       (SELECT count(*) FROM status WHERE is_starred = 1),
                       (SELECT freelist_count FROM pragma_freelist_count) * (SELECT page_size FROM pragma_page_size),
                       (SELECT count(*) FROM status WHERE is_ignored = 1)
                """)!
            let files = [path, path + "-wal"].compactMap {
                (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.int64Value
            }
            return StoreStatistics(feeds: row[0], articles: row[1], unread: row[2], starred: row[3],
                                   fileSize: files.reduce(0, +), reclaimableSize: row[4], hidden: row[5])
        }
    }

    /// Everything wrong with the file, empty when it is sound: SQLite's integrity check, the search
    /// index's own check, and the per-feed counts against a recount.
    public func integrityProblems() throws -> [String] {
        // FTS5 checks its index against the articles (through `article_search_source`) when asked by an INSERT,
        // which needs the write lock; it changes nothing.
        var searchProblems: [String] = []
        do {
            try pool.write { db in try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('integrity-check')") }
        } catch let error as DatabaseError {
            searchProblems.append("search index: \(error.message ?? "\(error.resultCode)")")
        }
        return try searchProblems + read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let drift = try Row.fetchAll(db, sql: """
                SELECT f.id, f.article_count, f.unread_count, coalesce(sum(s.is_ignored = 0), 0) AS total,
                       coalesce(sum(s.is_read = 0 AND s.is_ignored = 0), 0) AS unread
                FROM feed f LEFT JOIN status s ON s.feed_id = f.id GROUP BY f.id
                HAVING f.article_count <> total OR f.unread_count <> unread
                """)
            for row in drift {
                problems.append("feed \(row[0] as Int64): stored counts \(row[1] as Int)/\(row[2] as Int), "
                                + "actual \(row[3] as Int)/\(row[4] as Int)")
            }
            let orphans = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM article WHERE id NOT IN (SELECT article_id FROM status))
                     + (SELECT count(*) FROM status WHERE article_id NOT IN (SELECT id FROM article))
                     + (SELECT count(*) FROM article_search_docsize WHERE id NOT IN (SELECT id FROM article))
                     + (SELECT count(*) FROM article WHERE id NOT IN (SELECT id FROM article_search_docsize))
                """) ?? 0
            // The index keeps one size row per article it holds (its text lives in `article`).
            if orphans > 0 { problems.append("\(orphans) articles, statuses or index entries without their pair") }
            return problems
        }
    }
}
