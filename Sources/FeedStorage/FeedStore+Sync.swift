import Localization
import FeedModel
import FeedParsing
import Foundation
import GRDB
import TextSafety

// The store's side of syncing with a server aggregator (Tiny Tiny RSS): which local feeds and articles the server
// knows and by which ids, the outbox of marks waiting to be sent, and where the pull stands. FeedRefresh's
// SyncSession does the talking; every step here is one transaction, so a sync killed at any moment leaves the
// store as the last finished step left it.
//
// The outbox rule, which must never change without reading this:
//   - Every local mark (read, unread, starred, unstarred; one article, a feed or everything) of an article the
//     server has writes a `sync_outbox` row in the same transaction as the status change (`mark`). A mark is
//     therefore either in the outbox or already on the server, never neither, whatever stops the process.
//   - One row per article and field: a newer mark replaces the older one and gets a new row id. A sync deletes
//     only the rows it sent, by id, after the server answered OK, so a mark made while that request was in flight
//     stays queued, and a stale mark is never sent after a newer one.
//   - Conflicts: a mark waiting in the outbox wins over what the server says about that article and field (the
//     pull leaves it alone); once the server has acknowledged it, the server is the truth and its state is taken.
//   - An article fetched locally before the feed moved to the server is adopted by its link rather than stored
//     twice; the marks are merged (read if either side read it, starred if either starred it) and a local mark
//     the server lacks goes to the outbox.

/// An article as the server sent it, to store like any fetched one.
public struct ServerArticle: Sendable {
    public var serverID: Int64
    public var serverFeedID: Int64
    /// Title (plain text), link, authors, dates, content and enclosures; its id is not used (see `key(forServerID:)`).
    public var item: ParsedItem
    public var isRead: Bool
    public var isStarred: Bool

    public init(serverID: Int64, serverFeedID: Int64, item: ParsedItem, isRead: Bool, isStarred: Bool) {
        self.serverID = serverID
        self.serverFeedID = serverFeedID
        self.item = item
        self.isRead = isRead
        self.isStarred = isStarred
    }
}

/// A subscription of the server: its id there, the feed's URL and its title.
public struct ServerFeedLink: Hashable, Sendable {
    public var serverID: Int64
    public var url: String
    public var title: String?

    public init(serverID: Int64, url: String, title: String?) {
        self.serverID = serverID
        self.url = url
        self.title = title
    }
}

/// A mark waiting to be sent: `value` true means read (field `.read`) or starred (field `.starred`).
public struct OutboxMark: Hashable, Sendable {
    public enum Field: String, Sendable { case read, starred }
    public var id: Int64
    public var serverID: Int64
    public var field: Field
    public var value: Bool
}

/// A subscribe or unsubscribe waiting to be sent.
public struct SubscriptionChange: Hashable, Sendable {
    public var id: Int64
    public var url: String
    public var subscribe: Bool
}

/// Where the pull of new articles stands: articles with a server id above `sinceID`, by pages; `skip` is how many
/// of them are already stored (a pull stopped half-way resumes there), `maxSeen` the highest id stored so far.
public struct PullCursor: Hashable, Sendable {
    public var sinceID: Int64
    public var skip: Int
    public var maxSeen: Int64

    public init(sinceID: Int64 = 0, skip: Int = 0, maxSeen: Int64 = 0) {
        self.sinceID = sinceID
        self.skip = skip
        self.maxSeen = maxSeen
    }
}

/// What storing one page of server articles did.
public struct ServerPageResult: Hashable, Sendable {
    /// Articles stored for the first time.
    public var newArticles: [ArticleID] = []
    /// Marks (read or starred) of stored articles that the server changed.
    public var marksReceived = 0
}

/// The last sync as the reader's status line tells it.
public struct SyncStatus: Hashable, Sendable {
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    /// Set when the last attempt failed.
    public var lastError: String?
    public var waitingMarks: Int
    public var waitingSubscriptions: Int

    /// "3 marks and 1 subscription change", or nil when nothing waits.
    public func waiting(_ catalogue: Catalogue = .english) -> String? {
        var parts: [String] = []
        if waitingMarks > 0 { parts.append(catalogue.trn("%d mark", "%d marks", waitingMarks)) }
        if waitingSubscriptions > 0 {
            parts.append(catalogue.trn("%d subscription change", "%d subscription changes", waitingSubscriptions))
        }
        return parts.isEmpty ? nil : parts.joined(separator: catalogue.tr(" and "))
    }

    /// The verb agrees with everything that waits: "1 mark waits", "1 mark and 1 subscription change wait".
    private var waitingCount: Int { waitingMarks + waitingSubscriptions }

    /// ` (3 marks wait for the next sync)` after a command's failure line, or "".
    public func waitingSuffix(_ catalogue: Catalogue = .english) -> String {
        guard let waiting = waiting(catalogue) else { return "" }
        return " " + catalogue.trn("(%s waits for the next sync)", "(%s wait for the next sync)", waitingCount, waiting)
    }

    /// The reader's status line for a failed sync, what waits first so a narrow terminal still shows it:
    /// `Sync failed, 3 marks wait: cannot reach …`.
    public func failureLine(_ reason: String, _ catalogue: Catalogue = .english) -> String {
        guard let waiting = waiting(catalogue) else { return catalogue.tr("Sync failed: %s", reason) }
        return catalogue.trn("Sync failed, %s waits: %s", "Sync failed, %s wait: %s", waitingCount, waiting, reason)
    }

    /// The reader's status line at start: the last sync's failure, or nil when it went well.
    public func startLine(_ catalogue: Catalogue = .english) -> String? { lastError.map { failureLine($0, catalogue) } }
}

extension FeedStore {
    /// The key of an article stored from a server: the server's id. The server does not give the entry's own id
    /// (Tiny Tiny RSS sends a hash of its own in `guid`), so ArticleKey's rule cannot apply. Never change it.
    static func key(forServerID id: Int64) -> String { "ttrss:\(id)" }

    // MARK: The account

    /// Whether the sync tables could be given to an account.
    public enum SyncClaim: Hashable, Sendable {
        /// They were already its own.
        case same
        /// They were another account's (or nobody's): emptied for this one.
        case reset
        /// They are another account's, with marks still waiting for it: left as they are.
        case refused(previous: String, waitingMarks: Int)
    }

    /// Makes the sync tables belong to `account` (server and user, as the caller names them). When they belonged to
    /// another one, its ids, outbox and pull position mean nothing here and are dropped (articles and their marks
    /// stay, and are adopted again by link) — unless marks still wait to be sent to it: sent to another server,
    /// they would reach other articles, and dropped, they would be lost; then nothing changes, unless
    /// `dropWaiting` says to drop them.
    public func claimSync(for account: String, dropWaiting: Bool = false) throws -> SyncClaim {
        try write { db in
            let current = try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = 'account'")
            guard current != account else { return .same }
            let waiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_outbox") ?? 0
            if let current, waiting > 0, !dropWaiting { return .refused(previous: current, waitingMarks: waiting) }
            for table in ["sync_feed", "sync_article", "sync_outbox", "sync_state"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try Self.setState(db, "account", account)
            return .reset
        }
    }

    // MARK: Subscriptions

    /// Makes `sync_feed` hold exactly the server's subscriptions, creating feeds for new URLs and giving feeds the
    /// server's title. Returns how many subscriptions appeared and went since the last call.
    public func linkServerFeeds(_ links: [ServerFeedLink], now: Date = Date()) throws -> (added: Int, removed: Int) {
        try write { db in
            try Self.setState(db, "subscriptions_read", now.timeIntervalSince1970)
            var known: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT server_id, feed_id FROM sync_feed") { known[row[0]] = row[1] }
            let wanted = Set(links.map(\.serverID))
            let gone = known.keys.filter { !wanted.contains($0) }
            for id in gone { try db.execute(sql: "DELETE FROM sync_feed WHERE server_id = ?", arguments: [id]) }
            var added = 0
            for link in links {
                let feed = try Self.findOrCreateFeed(db, url: link.url)
                if known[link.serverID] != feed.id.rawValue {
                    if known[link.serverID] == nil { added += 1 }
                    try db.execute(sql: "DELETE FROM sync_feed WHERE server_id = ? OR feed_id = ?",
                                   arguments: [link.serverID, feed.id.rawValue])
                    try db.execute(sql: "INSERT INTO sync_feed(server_id, feed_id) VALUES (?, ?)",
                                   arguments: [link.serverID, feed.id.rawValue])
                }
                let title = link.title.map(SafeText.line).flatMap { $0.isEmpty ? nil : $0 }
                if let title, title != feed.title {
                    try Self.reindex(db, feed: feed.id) {
                        try db.execute(sql: "UPDATE feed SET title = ? WHERE id = ?", arguments: [title, feed.id.rawValue])
                    }
                }
            }
            return (added, gone.count)
        }
    }

    /// The server's category names as last read (id → name), and when.
    public func serverCategories() throws -> (names: [Int64: String], readAt: Date?) {
        try read { db in
            let json: String? = try Self.state(db, "categories")
            let names = json.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            return (Dictionary(uniqueKeysWithValues: names.compactMap { key, name in Int64(key).map { ($0, name) } }),
                    StoredValues.date(try Self.state(db, "categories_read")))
        }
    }

    public func setServerCategories(_ names: [Int64: String], now: Date) throws {
        let json = String(decoding: try JSONEncoder().encode(Dictionary(uniqueKeysWithValues: names.map { (String($0.key), $0.value) })),
                          as: UTF8.self)
        try write { db in
            try Self.setState(db, "categories", json)
            try Self.setState(db, "categories_read", now.timeIntervalSince1970)
        }
    }

    /// The server's ids of the feeds linked by the last `linkServerFeeds`, and when that was.
    public func linkedServerFeeds() throws -> (ids: Set<Int64>, readAt: Date?) {
        try read { db in
            (Set(try Int64.fetchAll(db, sql: "SELECT server_id FROM sync_feed")),
             StoredValues.date(try Self.state(db, "subscriptions_read")))
        }
    }

    /// The server's id of the feed at `url`, when the server subscribes to it.
    public func serverFeedID(url: String) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT s.server_id FROM sync_feed s JOIN feed f ON f.id = s.feed_id WHERE f.url = ?",
                               arguments: [url])
        }
    }

    /// Queues a subscribe (or unsubscribe) of `url` for the next sync; it replaces one queued for the same URL.
    public func queueSubscriptionChange(url: String, subscribe: Bool) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO sync_subscription_change(url, subscribe) VALUES (?, ?)",
                           arguments: [url, subscribe])
        }
    }

    public func subscriptionChanges() throws -> [SubscriptionChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, url, subscribe FROM sync_subscription_change ORDER BY id").map {
                SubscriptionChange(id: $0[0], url: $0[1], subscribe: $0[2])
            }
        }
    }

    /// After the server did it: only that request, so one queued again meanwhile stays.
    public func removeSubscriptionChange(_ id: Int64) throws {
        try write { db in try db.execute(sql: "DELETE FROM sync_subscription_change WHERE id = ?", arguments: [id]) }
    }

    // MARK: The outbox

    /// The oldest waiting marks, at most `limit`.
    public func outbox(limit: Int) throws -> [OutboxMark] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, server_id, field, value FROM sync_outbox ORDER BY id LIMIT ?",
                             arguments: [limit]).map {
                OutboxMark(id: $0[0], serverID: $0[1], field: OutboxMark.Field(rawValue: $0[2]) ?? .read, value: $0[3])
            }
        }
    }

    /// Once the server acknowledged them: these rows only (a newer mark of the same article has another id).
    public func removeFromOutbox(_ ids: [Int64]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM sync_outbox WHERE id = ?")
            for id in ids { try statement.execute(arguments: [id]) }
        }
    }

    // MARK: Pulling

    public func pullCursor() throws -> PullCursor {
        try read { db in
            PullCursor(sinceID: try Self.state(db, "since_id") ?? 0, skip: Int(try Self.state(db, "pull_skip") ?? 0),
                       maxSeen: try Self.state(db, "pull_max") ?? 0)
        }
    }

    /// Stores one page of the pull in one transaction, with the cursor that follows it (`listed` more skipped: the
    /// headlines the server listed, usable or not; or, on the last page, a new `sinceID` and no skip). New articles
    /// are stored like fetched ones; known ones get the server's marks except where the outbox holds a newer one.
    public func storeServerPage(_ page: [ServerArticle], listed: Int? = nil, isLast: Bool, now: Date) throws -> ServerPageResult {
        let prepared = page.map { article -> (ServerArticle, ArticleCandidate) in
            var candidate = ArticleCandidate(article.item, feedAuthors: [])
            candidate.key = Self.key(forServerID: article.serverID)
            return (article, candidate)
        }
        return try write { db in
            var result = ServerPageResult()
            var cursor = PullCursor(sinceID: try Self.state(db, "since_id") ?? 0, skip: Int(try Self.state(db, "pull_skip") ?? 0),
                                    maxSeen: try Self.state(db, "pull_max") ?? 0)
            var feeds: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT server_id, feed_id FROM sync_feed") { feeds[row[0]] = row[1] }
            var feedTitles: [Int64: String] = [:]
            var unlinkedByLink: [Int64: [String: Int64]] = [:]
            // The killfile applies to a server's articles as to fetched ones, in the same place (ArticleWriter).
            var writer = try ArticleWriter(db, killfile: KillfileCheck(db, killfile: Self.storedKillfile(db), now: now))
            let findMapped = try db.cachedStatement(sql: "SELECT article_id FROM sync_article WHERE server_id = ?")
            let link = try db.cachedStatement(sql: "INSERT INTO sync_article(article_id, server_id) VALUES (?, ?)")
            for (article, candidate) in prepared {
                cursor.maxSeen = max(cursor.maxSeen, article.serverID)
                if let local = try Int64.fetchOne(findMapped, arguments: [article.serverID]) {
                    result.marksReceived += try Self.takeServerMarks(db, article: local, serverID: article.serverID,
                                                                     read: article.isRead, starred: article.isStarred)
                    continue
                }
                // A feed the store does not know (subscribed on the server after its list was read): not stored.
                guard let feedID = feeds[article.serverFeedID] else { continue }
                if unlinkedByLink[feedID] == nil {
                    var byLink: [String: Int64] = [:]
                    for row in try Row.fetchAll(db, sql: """
                        SELECT link, id FROM article WHERE feed_id = ? AND link IS NOT NULL
                        AND id NOT IN (SELECT article_id FROM sync_article)
                        """, arguments: [feedID]) { byLink[row[0]] = byLink[row[0]] ?? row[1] }
                    unlinkedByLink[feedID] = byLink
                }
                if let itemLink = candidate.link, let local = unlinkedByLink[feedID]?[itemLink] {
                    unlinkedByLink[feedID]?[itemLink] = nil
                    try link.execute(arguments: [local, article.serverID])
                    try Self.adopt(db, article: local, serverID: article.serverID, read: article.isRead, starred: article.isStarred)
                    continue
                }
                if feedTitles[feedID] == nil {
                    feedTitles[feedID] = try String.fetchOne(db, sql: "SELECT coalesce(title, url) FROM feed WHERE id = ?",
                                                             arguments: [feedID]) ?? ""
                }
                guard let id = try writer.insert(candidate, feed: FeedID(feedID), feedTitle: feedTitles[feedID]!, now: now) else {
                    continue
                }
                try link.execute(arguments: [id, article.serverID])
                if article.isRead || article.isStarred {
                    try db.execute(sql: "UPDATE status SET is_read = ?, is_starred = ? WHERE article_id = ?",
                                   arguments: [article.isRead, article.isStarred, id])
                }
                result.newArticles.append(ArticleID(id))
            }
            try writer.indexWaiting()
            if isLast {
                cursor = PullCursor(sinceID: max(cursor.sinceID, cursor.maxSeen), skip: 0, maxSeen: 0)
            } else {
                cursor.skip += listed ?? page.count
            }
            try Self.setState(db, "since_id", cursor.sinceID)
            try Self.setState(db, "pull_skip", Int64(cursor.skip))
            try Self.setState(db, "pull_max", cursor.maxSeen)
            return result
        }
    }

    /// The server's marks for a stored article, field by field, unless the outbox holds a local one. Returns how
    /// many marks changed (0, 1 or 2).
    private static func takeServerMarks(_ db: Database, article: Int64, serverID: Int64, read: Bool?, starred: Bool?) throws -> Int {
        let waiting = Set(try String.fetchAll(db, sql: "SELECT field FROM sync_outbox WHERE server_id = ?", arguments: [serverID]))
        var changed = 0
        if let read, !waiting.contains("read") {
            try db.execute(sql: "UPDATE status SET is_read = ? WHERE article_id = ? AND is_read <> ?", arguments: [read, article, read])
            changed += db.changesCount
        }
        if let starred, !waiting.contains("starred") {
            try db.execute(sql: "UPDATE status SET is_starred = ? WHERE article_id = ? AND is_starred <> ?",
                           arguments: [starred, article, starred])
            changed += db.changesCount
        }
        return changed
    }

    /// A local article the server turns out to have: marks merged, a local mark the server lacks queued.
    private static func adopt(_ db: Database, article: Int64, serverID: Int64, read: Bool, starred: Bool) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT is_read, is_starred FROM status WHERE article_id = ?",
                                         arguments: [article]) else { return }
        let localRead: Bool = row[0], localStarred: Bool = row[1]
        try db.execute(sql: "UPDATE status SET is_read = ?, is_starred = ? WHERE article_id = ?",
                       arguments: [read || localRead, starred || localStarred, article])
        if localRead, !read {
            try db.execute(sql: "INSERT OR REPLACE INTO sync_outbox(server_id, field, value) VALUES (?, 'read', 1)", arguments: [serverID])
        }
        if localStarred, !starred {
            try db.execute(sql: "INSERT OR REPLACE INTO sync_outbox(server_id, field, value) VALUES (?, 'starred', 1)", arguments: [serverID])
        }
    }

    // MARK: Reconciling marks

    /// Per server feed, the unread articles the store holds of it (server articles only), plus those the server
    /// listed unread at the last reconcile that the store does not hold (the killfile dropped them, retention
    /// deleted them): compared with the server's own counts, they say which feeds' read marks changed elsewhere
    /// without listing any article.
    public func serverUnreadCounts() throws -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT server_id FROM sync_feed") {
                let feed: Int64 = row[0]
                counts[feed] = try Self.state(db, Self.absentUnreadKey(feed)) ?? 0
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT sf.server_id, sum(s.is_read = 0)
                FROM sync_feed sf JOIN status s ON s.feed_id = sf.feed_id JOIN sync_article sa ON sa.article_id = s.article_id
                GROUP BY sf.server_id
                """) {
                let feed: Int64 = row[0], unread: Int = row[1]
                counts[feed, default: 0] += unread
            }
            return counts
        }
    }

    private static func absentUnreadKey(_ serverFeedID: Int64) -> String { "unread_absent \(serverFeedID)" }

    /// Makes the stored server articles of one server feed unread exactly when `unread` lists them, except where
    /// the outbox holds a local mark. Returns how many articles changed.
    public func reconcileServerFeed(_ serverFeedID: Int64, unread: Set<Int64>) throws -> Int {
        try write { db in
            var changed = 0
            var held = Set<Int64>()
            for row in try Row.fetchAll(db, sql: """
                SELECT sa.article_id, sa.server_id FROM sync_feed sf JOIN article a ON a.feed_id = sf.feed_id
                JOIN sync_article sa ON sa.article_id = a.id WHERE sf.server_id = ?
                """, arguments: [serverFeedID]) {
                let serverID: Int64 = row[1]
                held.insert(serverID)
                changed += try Self.takeServerMarks(db, article: row[0], serverID: serverID, read: !unread.contains(serverID), starred: nil)
            }
            try Self.setState(db, Self.absentUnreadKey(serverFeedID), unread.subtracting(held).count)
            return changed
        }
    }

    /// Makes the stored server articles starred exactly when `starred` (every starred article of the server) lists
    /// them, except where the outbox holds a local mark. Returns how many articles changed.
    public func reconcileStarred(_ starred: Set<Int64>) throws -> Int {
        try write { db in
            var articles: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT sa.server_id, sa.article_id FROM sync_article sa JOIN status s ON s.article_id = sa.article_id
                WHERE s.is_starred = 1
                """) { articles[row[0]] = row[1] }
            let find = try db.cachedStatement(sql: "SELECT article_id FROM sync_article WHERE server_id = ?")
            for id in starred where articles[id] == nil {
                if let article = try Int64.fetchOne(find, arguments: [id]) { articles[id] = article }
            }
            var changed = 0
            for (serverID, article) in articles {
                changed += try Self.takeServerMarks(db, article: article, serverID: serverID, read: nil, starred: starred.contains(serverID))
            }
            return changed
        }
    }

    // MARK: The last sync

    public func recordSyncAttempt(error: String?, at now: Date) throws {
        try write { db in
            try Self.setState(db, "last_attempt", now.timeIntervalSince1970)
            if let error {
                try Self.setState(db, "last_error", SafeText.line(error))
            } else {
                try Self.setState(db, "last_success", now.timeIntervalSince1970)
                try db.execute(sql: "DELETE FROM sync_state WHERE key = 'last_error'")
            }
        }
    }

    public func syncStatus() throws -> SyncStatus {
        try read { db in
            SyncStatus(lastAttempt: StoredValues.date(try Self.state(db, "last_attempt")),
                       lastSuccess: StoredValues.date(try Self.state(db, "last_success")),
                       lastError: try Self.state(db, "last_error"),
                       waitingMarks: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_outbox") ?? 0,
                       waitingSubscriptions: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_subscription_change") ?? 0)
        }
    }

    private static func state<T: DatabaseValueConvertible>(_ db: Database, _ key: String) throws -> T? {
        try T.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }

    private static func setState(_ db: Database, _ key: String, _ value: some DatabaseValueConvertible) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
