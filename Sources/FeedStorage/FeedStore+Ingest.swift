import FeedModel
import FeedParsing
import Foundation
import Localization
import GRDB
import TextSafety

/// What one `apply` changed.
public struct IngestResult: Hashable, Sendable {
    /// Articles seen for the first time (they arrive unread).
    public var new: Int
    /// Stored articles whose title, content, dates, links, authors or categories changed.
    public var updated: Int
    /// Stored articles the feed listed again as they were.
    public var unchanged: Int
    /// New articles the killfile (in `download` mode) kept out of the store.
    public var ignored: Int

    public init(new: Int = 0, updated: Int = 0, unchanged: Int = 0, ignored: Int = 0) {
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.ignored = ignored
    }
}

extension FeedStore {
    /// How long the key of an article removed by retention is remembered after the feed last listed it.
    static let removedKeyMemory: TimeInterval = 30 * 86_400

    /// Merges a parsed feed into the stored one, in one transaction: new articles are inserted unread,
    /// changed ones rewritten (their read and starred marks untouched), unchanged ones left alone.
    /// Articles the feed no longer lists are kept; an empty feed deletes nothing.
    @discardableResult
    public func apply(_ parsed: ParsedFeed, to id: FeedID, now: Date) throws -> IngestResult {
        try apply(Self.prepare(parsed), to: id, now: now)
    }

    /// The expensive part of `apply` (HTML → text, hashing), which needs no database: a refresh runs it for
    /// one feed while another feed's transaction holds the write lock.
    public static func prepare(_ parsed: ParsedFeed) -> PreparedFeed {
        PreparedFeed(parsed: parsed, candidates: candidates(from: parsed))
    }

    /// `apply` for a feed already prepared: only the transaction.
    @discardableResult
    public func apply(_ prepared: PreparedFeed, to id: FeedID, now: Date) throws -> IngestResult {
        try write { db in
            var writer = try ArticleWriter(db, killfile: KillfileCheck(db, killfile: Self.storedKillfile(db), now: now))
            let result = try Self.merge(prepared, into: id, now: now, writer: &writer)
            try writer.indexWaiting()
            return result
        }
    }

    /// One feed's articles and the outcome of the fetch that brought them, in one transaction (`apply(_:)` for one):
    /// the bundled demo feeds and `import-file --feed-url`. The articles stay stored when the outcome cannot be
    /// recorded; its error is thrown.
    @discardableResult
    public func apply(_ parsed: ParsedFeed, to id: FeedID, fetched outcome: FetchOutcome, now: Date) throws -> IngestResult {
        try apply([FeedIngest(Self.prepare(parsed), fetch: FetchRecord(outcome, for: id, at: now))])[0].get()
    }

    /// Several feeds' articles, each with the outcome of its fetch, in one transaction: a reload's writer takes
    /// every feed parsed while it wrote the ones before. One commit for many feeds instead of two for each: the
    /// commits, and the search index's segments made at each, took 40 % of the store's writing in a cold reload
    /// (bench/store_floor.py: 1.1 s in one transaction, 1.75 s in one per feed).
    ///
    /// As `apply` then `recordFetch` for each feed, in order: a feed whose articles cannot be merged is rolled back
    /// alone, and its error comes back in its place; one whose outcome cannot be recorded (a redirect to a URL another
    /// feed has) keeps its articles and gets the error. The search index is written after the articles, outside the
    /// savepoints (see ArticleWriter), and before the outcomes, which may re-index a feed (a moved feed's URL is its
    /// title when it has none): the index must hold its articles by then. If the index cannot be written, nothing
    /// of the batch is kept.
    public func apply(_ ingests: [FeedIngest]) throws -> [Result<IngestResult, any Error>] {
        try write { db in
            let killfile = try Self.storedKillfile(db)
            var searchRows: [StatementArguments] = []
            var waiting = Set<FeedID>()
            var results = try ingests.map { ingest in
                let feed = ingest.fetch.feed, now = ingest.fetch.time
                // A feed twice in one batch: its first articles are indexed before the second merge may re-index them.
                if waiting.contains(feed) {
                    try ArticleWriter.index(searchRows, in: db)
                    searchRows.removeAll()
                    waiting.removeAll()
                }
                return Result { () throws -> IngestResult in
                    var writer = try ArticleWriter(db, killfile: KillfileCheck(db, killfile: killfile, now: now))
                    var result = IngestResult()
                    try db.inSavepoint {
                        result = try Self.merge(ingest.prepared, into: feed, now: now, writer: &writer)
                        return .commit
                    }
                    searchRows += writer.searchRows
                    waiting.insert(feed)
                    return result
                }
            }
            try ArticleWriter.index(searchRows, in: db)
            for (index, ingest) in ingests.enumerated() where (try? results[index].get()) != nil {
                do {
                    try db.inSavepoint {
                        try Self.record(db, ingest.fetch.outcome, for: ingest.fetch.feed, at: ingest.fetch.time)
                        return .commit
                    }
                } catch {
                    results[index] = .failure(error)
                }
            }
            return results
        }
    }

    /// Merges a prepared feed into the stored one: new articles inserted unread, changed ones rewritten (their read
    /// and starred marks untouched), unchanged ones left alone. Their search rows wait in `writer`.
    private static func merge(_ prepared: PreparedFeed, into id: FeedID, now: Date, writer: inout ArticleWriter) throws -> IngestResult {
        let db = writer.db, parsed = prepared.parsed, candidates = prepared.candidates
        try updateFeedInfo(db, id: id, parsed: parsed)
        let feedTitle = try String.fetchOne(db, sql: "SELECT coalesce(title, url) FROM feed WHERE id = ?",
                                            arguments: [id.rawValue]) ?? ""
        var stored: [String: (id: Int64, revision: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, id, revision FROM article WHERE feed_id = ?",
                                    arguments: [id.rawValue]) {
            stored[row[0]] = (row[1], row[2])
        }
        let removed = Set(try String.fetchAll(db, sql: "SELECT key FROM removed_article WHERE feed_id = ?",
                                              arguments: [id.rawValue]))
        var result = IngestResult()
        // Reverse document order: feeds list newest first, so undated articles get ids in arrival order.
        for candidate in candidates.reversed() {
            if let existing = stored[candidate.key] {
                if existing.revision == candidate.revision {
                    result.unchanged += 1
                } else {
                    try writer.update(existing.id, with: candidate, feed: id, feedTitle: feedTitle, now: now)
                    result.updated += 1
                }
            } else if removed.contains(candidate.key) {
                try writer.sawRemoved(candidate.key, feed: id, now: now)
            } else if try writer.insert(candidate, feed: id, feedTitle: feedTitle, now: now) != nil {
                result.new += 1
            } else {
                result.ignored += 1
            }
        }
        try db.execute(sql: "DELETE FROM removed_article WHERE feed_id = ? AND last_seen < ?",
                       arguments: [id.rawValue, now.timeIntervalSince1970 - removedKeyMemory])
        return result
    }

    /// Sets the feed's own title and site link from what it says now; renames it in the search index too.
    private static func updateFeedInfo(_ db: Database, id: FeedID, parsed: ParsedFeed) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, site_link FROM feed WHERE id = ?",
                                         arguments: [id.rawValue]) else {
            throw FeedStoreError(N_("no feed with id %s"), "\(id)")
        }
        let title = parsed.title.map(SafeText.line).flatMap { $0.isEmpty ? nil : $0 } ?? (row["title"] as String?)
        let siteLink = parsed.link ?? (row["site_link"] as String?)
        if title != row["title"] {
            try reindex(db, feed: id) {
                try db.execute(sql: "UPDATE feed SET title = ? WHERE id = ?", arguments: [title, id.rawValue])
            }
        }
        if siteLink != row["site_link"] {
            try db.execute(sql: "UPDATE feed SET site_link = ? WHERE id = ?", arguments: [siteLink, id.rawValue])
        }
    }

    /// Runs `change` (which may alter what the search index holds for the feed's articles, such as the
    /// feed's title or URL) with those articles taken out of the index and put back after.
    static func reindex(_ db: Database, feed id: FeedID, _ change: () throws -> Void) throws {
        try db.execute(sql: """
            INSERT INTO article_search(article_search, rowid, title, authors, feed_title, body)
            SELECT 'delete', id, title, authors, feed_title, body FROM article_search_source
            WHERE id IN (SELECT id FROM article WHERE feed_id = ?)
            """, arguments: [id.rawValue])
        try change()
        try db.execute(sql: """
            INSERT INTO article_search(rowid, title, authors, feed_title, body)
            SELECT id, title, authors, feed_title, body FROM article_search_source
            WHERE id IN (SELECT id FROM article WHERE feed_id = ?)
            """, arguments: [id.rawValue])
    }

    /// One candidate per article key, the first the feed lists winning, in document order.
    private static func candidates(from parsed: ParsedFeed) -> [ArticleCandidate] {
        let feedAuthors = parsed.authors.compactMap(ArticleCandidate.name)
        var seen = Set<String>()
        var candidates: [ArticleCandidate] = []
        candidates.reserveCapacity(parsed.items.count)
        for item in parsed.items {
            let candidate = ArticleCandidate(item, feedAuthors: feedAuthors)
            if seen.insert(candidate.key).inserted { candidates.append(candidate) }
        }
        return candidates
    }
}

/// A parsed feed with its articles ready to store (`FeedStore.prepare`).
public struct PreparedFeed: Sendable {
    public let parsed: ParsedFeed
    let candidates: [ArticleCandidate]
}

/// A prepared feed and the fetch that brought it, stored together by `FeedStore.apply(_:)`.
public struct FeedIngest: Sendable {
    public var prepared: PreparedFeed
    /// The feed, the fetch's outcome (its validators) and the time the articles arrive at.
    public var fetch: FetchRecord

    public init(_ prepared: PreparedFeed, fetch: FetchRecord) {
        self.prepared = prepared
        self.fetch = fetch
    }
}

/// One parsed item, ready to store: its key, its columns (the HTML compressed as stored) and the plain text the
/// search index holds.
struct ArticleCandidate: Sendable {
    var key: String
    var title: String
    var link: String?
    var authors: [String]
    var published: Date?
    var updated: Date?
    let summaryHTML: String?
    let contentHTML: String?
    /// `summaryHTML` and `contentHTML` as their columns hold them (StoredHTML), compressed here, off the writer.
    let storedSummary: DatabaseValue
    let storedContent: DatabaseValue
    var categories: [String]
    var enclosures: [Enclosure]
    var bodyText: String
    var revision: String

    init(_ item: ParsedItem, feedAuthors: [String]) {
        key = ArticleKey.of(item)
        title = SafeText.line(item.title ?? "")
        link = item.link
        let own = item.authors.compactMap(Self.name)
        authors = own.isEmpty ? feedAuthors : own
        published = item.published
        updated = item.updated
        summaryHTML = item.summary
        contentHTML = item.content
        storedSummary = StoredHTML.value(item.summary)
        storedContent = StoredHTML.value(item.content)
        categories = item.categories.map(SafeText.line)
        enclosures = item.enclosures.map {
            Enclosure(url: $0.url, type: $0.type, length: $0.length, duration: $0.duration, title: $0.title.map(SafeText.line))
        }
        bodyText = HTMLPlainText.text(of: item.content ?? item.summary ?? "")
        let fields: [String] = [
            title, link ?? "", authors.joined(separator: "\n"),
            published.map { String($0.timeIntervalSince1970) } ?? "", updated.map { String($0.timeIntervalSince1970) } ?? "",
            summaryHTML ?? "", contentHTML ?? "", categories.joined(separator: "\n"),
            enclosures.map(Self.revisionText).joined(separator: "\n"),
        ]
        revision = StableHash.hex(of: fields.joined(separator: "\u{1}"))
    }

    /// Duration and title join the text only when given, so articles stored before they were read keep their
    /// revision (a changed revision rewrites the article on the next fetch).
    private static func revisionText(_ enclosure: Enclosure) -> String {
        let base = "\(enclosure.url) \(enclosure.type ?? "") \(enclosure.length ?? -1)"
        guard enclosure.duration != nil || enclosure.title != nil else { return base }
        return base + " \(enclosure.duration ?? -1) \(enclosure.title ?? "")"
    }

    static func name(_ person: ParsedPerson) -> String? {
        let name = (person.name ?? person.email ?? person.uri).map(SafeText.line)
        return name?.isEmpty == false ? name : nil
    }

    /// Whole seconds: they survive the round trip through `Date` exactly, so a page cursor built from an
    /// `ArticleSummary.date` compares equal to the stored value.
    func sortDate(arrival: Date) -> Double { (published ?? updated ?? arrival).timeIntervalSince1970.rounded(.down) }
}

/// The prepared statements of one ingest transaction. Search rows wait until every article is in: inserting
/// a status row runs a trigger, so SQLite opens a savepoint around it, and FTS5 writes out the words it holds
/// at every savepoint. Indexed one by one in between, each article made a segment of its own to merge, and
/// the index took 3 s of a 4.6 s cold reload of 20,000 articles; indexed last, 1.1 s. Every article written passes
/// the killfile's check first (KillfileCheck), whether it came from a feed or from a sync server.
struct ArticleWriter {
    let db: Database
    let killfile: KillfileCheck?
    /// What `index` will write for the articles inserted or rewritten so far.
    private(set) var searchRows: [StatementArguments] = []
    let insertArticle: Statement
    let insertStatus: Statement
    let updateArticle: Statement
    let updateStatusDate: Statement
    let unindex: Statement
    let touchRemoved: Statement

    init(_ db: Database, killfile: KillfileCheck?) throws {
        self.db = db
        self.killfile = killfile
        insertArticle = try db.cachedStatement(sql: """
            INSERT INTO article(feed_id, key, title, link, authors, published, updated, summary_html, content_html,
                                categories, enclosures, sort_date, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertStatus = try db.cachedStatement(sql: """
            INSERT INTO status(article_id, feed_id, sort_date, arrived, is_ignored) VALUES (?, ?, ?, ?, ?)
            """)
        updateArticle = try db.cachedStatement(sql: """
            UPDATE article SET title = ?, link = ?, authors = ?, published = ?, updated = ?, summary_html = ?,
                content_html = ?, categories = ?, enclosures = ?, sort_date = ?, revision = ?
            WHERE id = ?
            """)
        updateStatusDate = try db.cachedStatement(sql: "UPDATE status SET sort_date = ?, is_ignored = ? WHERE article_id = ?")
        // The index's old words are read back through the view, so they leave before the row changes.
        unindex = try db.cachedStatement(sql: """
            INSERT INTO article_search(article_search, rowid, title, authors, feed_title, body)
            SELECT 'delete', id, title, authors, feed_title, body FROM article_search_source WHERE id = ?
            """)
        touchRemoved = try db.cachedStatement(sql: """
            UPDATE removed_article SET last_seen = ? WHERE feed_id = ? AND key = ?
            """)
    }

    /// The new article's id; nil when the killfile drops it (`download` mode): nothing is written.
    mutating func insert(_ candidate: ArticleCandidate, feed: FeedID, feedTitle: String, now: Date) throws -> Int64? {
        let sortDate = candidate.sortDate(arrival: now)
        let verdict = try killfile?.verdict(candidate, feed: feed, sortDate: sortDate, isNew: true) ?? .keep
        guard verdict != .drop else { return nil }
        try insertArticle.execute(arguments: [
            feed.rawValue, candidate.key, candidate.title, candidate.link, StoredValues.lines(candidate.authors),
            StoredValues.seconds(candidate.published), StoredValues.seconds(candidate.updated), candidate.storedSummary,
            candidate.storedContent, StoredValues.lines(candidate.categories), StoredValues.json(candidate.enclosures),
            sortDate, candidate.revision,
        ])
        let id = db.lastInsertedRowID
        try insertStatus.execute(arguments: [id, feed.rawValue, sortDate, now.timeIntervalSince1970, verdict == .hide])
        searchRows.append([id, candidate.title, candidate.authors.joined(separator: ", "), feedTitle, candidate.bodyText])
        return id
    }

    /// Indexes the articles inserted or rewritten so far; called once, after the last of them.
    mutating func indexWaiting() throws {
        try Self.index(searchRows, in: db)
        searchRows.removeAll()
    }

    /// Writes rows of the search index (`searchRows` of one writer or of several).
    static func index(_ rows: [StatementArguments], in db: Database) throws {
        let insert = try db.cachedStatement(sql: insertSearchSQL)
        for row in rows { try insert.execute(arguments: row) }
    }

    private static let insertSearchSQL = "INSERT INTO article_search(rowid, title, authors, feed_title, body) VALUES (?, ?, ?, ?, ?)"

    /// A rewritten article stays stored whatever the killfile says; it is hidden when the killfile now matches it.
    mutating func update(_ id: Int64, with candidate: ArticleCandidate, feed: FeedID, feedTitle: String, now: Date) throws {
        let status = try Row.fetchOne(db, sql: "SELECT arrived, is_read, is_starred FROM status WHERE article_id = ?",
                                      arguments: [id])
        let arrived: Double? = status?[0]
        let sortDate = candidate.sortDate(arrival: arrived.map(Date.init(timeIntervalSince1970:)) ?? now)
        let verdict = try killfile?.verdict(candidate, feed: feed, sortDate: sortDate, isNew: false,
                                            isRead: status?[1] ?? false, isStarred: status?[2] ?? false) ?? .keep
        try unindex.execute(arguments: [id])
        try updateArticle.execute(arguments: [
            candidate.title, candidate.link, StoredValues.lines(candidate.authors),
            StoredValues.seconds(candidate.published), StoredValues.seconds(candidate.updated), candidate.storedSummary,
            candidate.storedContent, StoredValues.lines(candidate.categories), StoredValues.json(candidate.enclosures),
            sortDate, candidate.revision, id,
        ])
        try updateStatusDate.execute(arguments: [sortDate, verdict == .hide, id])
        searchRows.append([id, candidate.title, candidate.authors.joined(separator: ", "), feedTitle, candidate.bodyText])
    }

    func sawRemoved(_ key: String, feed: FeedID, now: Date) throws {
        try touchRemoved.execute(arguments: [now.timeIntervalSince1970, feed.rawValue, key])
    }
}
