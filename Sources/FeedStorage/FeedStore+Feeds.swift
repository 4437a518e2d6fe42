import FeedModel
import Foundation
import GRDB
import Localization
import TextSafety

/// How a fetch ended, as the reload path records it. Recording never touches articles.
public enum FetchOutcome: Hashable, Sendable {
    /// Fetched (200) or unchanged (304, same body hash). Clears the last error and stores `validators`
    /// as given (pass the old ones to keep them). A permanent redirect moves the feed to its new URL.
    case success(httpStatus: Int?, validators: FeedValidators, permanentRedirect: String? = nil)
    /// Failed with a one-line message; `410` marks the feed gone. Validators and articles are kept.
    case failure(httpStatus: Int?, message: String)
}

/// One fetch outcome to record (`FeedStore.recordFetches`).
public struct FetchRecord: Sendable {
    public var outcome: FetchOutcome
    public var feed: FeedID
    public var time: Date

    public init(_ outcome: FetchOutcome, for feed: FeedID, at time: Date) {
        self.outcome = outcome
        self.feed = feed
        self.time = time
    }
}

/// A feed as the feeds file lists it: the reload path syncs these so the store can order feeds, show
/// custom titles and filter by tag.
public struct Subscription: Hashable, Sendable {
    public var url: String
    public var tags: [String]
    /// The `"~Custom title"` of the feeds file.
    public var customTitle: String?
    /// Tagged `!` in the feeds file: fetched and searchable, but not in the feed list nor its merged lists.
    public var isHidden: Bool

    public init(url: String, tags: [String] = [], customTitle: String? = nil, isHidden: Bool = false) {
        self.url = url
        self.tags = tags
        self.customTitle = customTitle
        self.isHidden = isHidden
    }
}

extension FeedStore {
    /// The feed stored for `url`, creating it (no articles, never fetched) when there is none.
    public func findOrCreateFeed(url: String) throws -> Feed {
        try write { db in try Self.findOrCreateFeed(db, url: url) }
    }

    public func feed(url: String) throws -> Feed? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE url = ?", arguments: [url]).map(Self.feed) }
    }

    public func feed(_ id: FeedID) throws -> Feed? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE id = ?", arguments: [id.rawValue]).map(Self.feed) }
    }

    public func validators(for id: FeedID) throws -> FeedValidators {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT etag, last_modified, body_hash FROM feed WHERE id = ?",
                                             arguments: [id.rawValue]) else {
                throw FeedStoreError(N_("no feed with id %s"), "\(id)")
            }
            return Self.validators(row)
        }
    }

    /// Records how the last fetch of a feed ended, at `now`.
    public func recordFetch(_ outcome: FetchOutcome, for id: FeedID, at now: Date) throws {
        try write { db in try Self.record(db, outcome, for: id, at: now) }
    }

    /// `recordFetch` for many feeds in one transaction (a warm reload of 200 feeds made 200 commits, which kept
    /// the next fetches waiting). One that cannot be recorded is rolled back alone; its error comes back in
    /// its place, nil for the others.
    public func recordFetches(_ records: [FetchRecord]) throws -> [(any Error)?] {
        try write { db in
            records.map { record in
                do {
                    try db.inSavepoint {
                        try Self.record(db, record.outcome, for: record.feed, at: record.time)
                        return .commit
                    }
                    return nil
                } catch {
                    return error
                }
            }
        }
    }

    /// The stored feed and validators of each of `urls` that has a feed, in one read.
    public func feedsAndValidators(urls: [String]) throws -> [String: (feed: Feed, validators: FeedValidators)] {
        try read { db in
            var found: [String: (feed: Feed, validators: FeedValidators)] = [:]
            // In slices: SQLite caps the number of parameters of one statement.
            for start in stride(from: 0, to: urls.count, by: 500) {
                let slice = Array(urls[start..<min(start + 500, urls.count)])
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM feed WHERE url IN (\(marks))", arguments: StatementArguments(slice)) {
                    let feed = Self.feed(row)
                    found[feed.url] = (feed, Self.validators(row))
                }
            }
            return found
        }
    }

    private static func validators(_ row: Row) -> FeedValidators {
        FeedValidators(etag: row["etag"], lastModified: row["last_modified"], bodyHash: row["body_hash"])
    }

    static func record(_ db: Database, _ outcome: FetchOutcome, for id: FeedID, at now: Date) throws {
        switch outcome {
        case let .success(status, validators, redirect):
            if let redirect, redirect != (try String.fetchOne(db.cachedStatement(sql: "SELECT url FROM feed WHERE id = ?"),
                                                               arguments: [id.rawValue])) {
                if let owner = try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE url = ?", arguments: [redirect]) {
                    throw FeedStoreError(N_("%s: feed %s redirects to a URL feed %s already has"), redirect, "\(id)", String(owner))
                }
                // An untitled feed is indexed under its URL.
                try Self.reindex(db, feed: id) {
                    try db.execute(sql: "UPDATE feed SET url = ? WHERE id = ?", arguments: [redirect, id.rawValue])
                }
            }
            // Cached: a reload records 200 outcomes in a row, and preparing each took most of a warm reload's writing.
            try db.cachedStatement(sql: """
                UPDATE feed SET last_attempt = ?, last_success = ?, http_status = ?, last_error = NULL, is_gone = 0,
                    etag = ?, last_modified = ?, body_hash = ?
                WHERE id = ?
                """).execute(arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, status, validators.etag,
                                         validators.lastModified, validators.bodyHash, id.rawValue])
        case let .failure(status, message):
            try db.cachedStatement(sql: """
                UPDATE feed SET last_attempt = ?, http_status = ?, last_error = ?, is_gone = ? WHERE id = ?
                """).execute(arguments: [now.timeIntervalSince1970, status, SafeText.line(message), status == 410,
                                         id.rawValue])
        }
        guard db.changesCount > 0 else { throw FeedStoreError(N_("no feed with id %s"), "\(id)") }
    }

    /// Makes the stored feeds match the feeds file: creates missing feeds, sets order, tags, custom titles and
    /// hidden marks. Feeds no longer listed keep their articles but lose their place and tags (`removeFeed` deletes).
    /// A list the store already matches costs one read and no write: every launch of the reader syncs.
    @discardableResult
    public func syncSubscriptions(_ subscriptions: [Subscription]) throws -> [FeedID] {
        if let ids = try read({ db in try Self.idsIfSynced(db, subscriptions) }) { return ids }
        return try write { db in
            try db.execute(sql: "UPDATE feed SET position = NULL, custom_title = NULL, is_hidden = 0")
            try db.execute(sql: "DELETE FROM feed_tag")
            var ids: [FeedID] = []
            for (position, subscription) in subscriptions.enumerated() {
                let feed = try Self.findOrCreateFeed(db, url: subscription.url)
                try db.execute(sql: "UPDATE feed SET position = ?, custom_title = ?, is_hidden = ? WHERE id = ?",
                               arguments: [position, subscription.customTitle, subscription.isHidden, feed.id.rawValue])
                for tag in Set(subscription.tags) {
                    try db.execute(sql: "INSERT INTO feed_tag(feed_id, tag) VALUES (?, ?)",
                                   arguments: [feed.id.rawValue, tag])
                }
                ids.append(feed.id)
            }
            // A query feed dropped from the list (or rewritten: its text is its URL) leaves nothing behind.
            try db.execute(sql: "DELETE FROM feed WHERE position IS NULL AND (url GLOB 'query:*' OR url GLOB 'search:*')")
            return ids
        }
    }

    /// The feeds' ids when the store already holds exactly this list (order, custom titles, tags, hidden
    /// marks), else nil.
    private static func idsIfSynced(_ db: Database, _ subscriptions: [Subscription]) throws -> [FeedID]? {
        struct Placed: Equatable {
            var id: Int64; var position: Int; var customTitle: String?; var isHidden: Bool; var tags: Set<String>
        }
        var stored: [String: Placed] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT id, url, position, custom_title, is_hidden FROM feed WHERE position IS NOT NULL
            """) {
            stored[row[1]] = Placed(id: row[0], position: row[2], customTitle: row[3], isHidden: row[4], tags: [])
        }
        guard stored.count == subscriptions.count else { return nil }
        var urlOfID: [Int64: String] = [:]
        for (url, placed) in stored { urlOfID[placed.id] = url }
        for row in try Row.fetchAll(db, sql: "SELECT feed_id, tag FROM feed_tag") {
            guard let url = urlOfID[row[0]] else { return nil }
            stored[url]?.tags.insert(row[1])
        }
        var ids: [FeedID] = []
        for (position, subscription) in subscriptions.enumerated() {
            guard let placed = stored[subscription.url],
                  placed == Placed(id: placed.id, position: position, customTitle: subscription.customTitle,
                                   isHidden: subscription.isHidden, tags: Set(subscription.tags)) else { return nil }
            ids.append(FeedID(placed.id))
        }
        return ids
    }

    /// Deletes a feed with its articles, statuses and search entries.
    public func removeFeed(_ id: FeedID) throws {
        try write { db in
            // Articles first, so their delete trigger cleans statuses and the search index.
            try db.execute(sql: "DELETE FROM article WHERE feed_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id.rawValue])
        }
    }

    /// The feed list: every listed feed (`isListed`) with its unread and total counts, in feeds-file order, then by title.
    /// Counts come from the feed row (kept by triggers), so this reads 1,000 rows, not 100,000; a query feed's are
    /// counted by running its query (`countingQueries`).
    public func feedSummaries() throws -> [FeedSummary] {
        try read { db in
            var tags: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT feed_id, tag FROM feed_tag ORDER BY feed_id, tag") {
                tags[row[0], default: []].append(row[1])
            }
            // Columns read by position: by name, GRDB compares names for every cell. A cursor reads each row
            // in place instead of copying all 1,000 first.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, url, coalesce(custom_title, title, url), unread_count, article_count,
                       last_attempt, last_success, http_status, last_error, is_gone, site_link
                FROM feed WHERE \(Self.isListed("feed")) \(Self.feedListOrder)
                """)
            let summaries = try Array(rows.map { row in
                let id: Int64 = row[0], url: String = row[1], title: String = row[2]
                // An untitled feed shows its URL, and never the password in it.
                return FeedSummary(id: FeedID(id), url: url, title: title == url ? URLText.printable(url) : title,
                                   siteLink: row[10], tags: tags[id] ?? [],
                                   unreadCount: row[3], totalCount: row[4],
                                   fetch: FetchState(lastAttempt: StoredValues.date(row[5]),
                                                     lastSuccess: StoredValues.date(row[6]), httpStatus: row[7],
                                                     lastError: row[8], isGone: row[9]))
            })
            // Query and search feeds count what they select now, in this same snapshot.
            return try countingQueries(summaries, db)
        }
    }

    /// Feeds-file order, then feeds not in the file by title.
    static let feedListOrder =
        "ORDER BY position IS NULL, position, coalesce(custom_title, title, url) COLLATE NOCASE, id"

    /// The feeds the screens show, as a condition on the feed table named `alias`: those the feeds list names.
    /// A feed dropped from the list, or hidden with `!URL`, keeps its articles in the store but leaves the
    /// lists and searches. A store no list was ever synced to (filled by `import-file` alone) shows every feed.
    static func isShown(_ alias: String) -> String {
        "(\(alias).position IS NOT NULL OR NOT EXISTS (SELECT 1 FROM feed AS listed WHERE listed.position IS NOT NULL))"
    }

    /// The feeds of the feed list and of the lists that merge feeds: shown (`isShown`) and not hidden with `!`.
    /// A hidden feed's articles are still searched, and listed when the feed is named.
    static func isListed(_ alias: String) -> String {
        "(\(isShown(alias)) AND \(alias).is_hidden = 0)"
    }

    static func findOrCreateFeed(_ db: Database, url: String) throws -> Feed {
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE url = ?", arguments: [url]) {
            return feed(row)
        }
        let title = queryFeedName(url)
        try db.execute(sql: "INSERT INTO feed(url, title) VALUES (?, ?)", arguments: [url, title])
        return Feed(id: FeedID(db.lastInsertedRowID), url: url, title: title)
    }

    static func feed(_ row: Row) -> Feed {
        Feed(id: FeedID(row["id"] as Int64), url: row["url"], title: row["title"], siteLink: row["site_link"],
             fetch: FetchState(lastAttempt: StoredValues.date(row["last_attempt"]),
                               lastSuccess: StoredValues.date(row["last_success"]),
                               httpStatus: row["http_status"], lastError: row["last_error"],
                               isGone: row["is_gone"]))
    }
}
