import FeedModel
import Foundation
import GRDB
import Localization
import TextSafety

// The one database of qnread (DESIGN.md §3): a SQLite file in WAL mode, shared by the reader and by
// `qnread reload` running from cron. Every write is one short IMMEDIATE transaction; readers never wait
// for writers. This file opens the store; reading, writing, search and upkeep live in FeedStore+*.swift.

/// A store failure in words a reader can act on, naming the file or the feed, said in the program's language where
/// it is shown (`text(in:)`).
public struct FeedStoreError: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public var words: Words
    /// `messageID` is English, marked N_, with `%s` for each argument.
    public init(_ messageID: String, _ arguments: String...) {
        words = Words(messageID, arguments: arguments.map(Words.Argument.text))
    }
    init(_ words: Words) { self.words = words }
    /// A line worded elsewhere, shown as it is.
    public init(text: String) { self.init("%s", text) }
    /// In English.
    public var message: String { words.description }
    public var description: String { message }
    public func text(in catalogue: Catalogue) -> String { words.text(in: catalogue) }
}

/// The feed store. Safe to share between threads: GRDB serializes writes and runs reads concurrently.
public final class FeedStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// Where filters count `age` from: the system clock, or a fixed one in tests.
    let clock: @Sendable () -> Date
    /// Query feeds' counts for the feed list, until the store changes.
    let queryCounts = QueryCountCache()

    /// SQLite's page size for the file. Compressed, an article row is 1–3 KB: with 4 KiB pages most pages held one row
    /// and a third of the article table was empty space (383 MB for 100,000 articles; 273 MB with 16 KiB pages).
    static let pageSize = 16_384

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating it and its directory if needed) the database at `path` and brings its schema up to date.
    /// `announce` hears, before it starts, of an update to a database an older qnread wrote: one may rebuild the
    /// search index, a minute on a large store, and a reader should not face a silent terminal meanwhile.
    /// `clock` is read only by filters that name `age` (newsboat counts it from the current time).
    public init(path: String, announce: (Words) -> Void = { _ in }, clock: @escaping @Sendable () -> Date = Date.init) throws {
        self.path = path
        self.clock = clock
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FeedStoreError(N_("%s: cannot create the database directory (%s)"), directory.path, error.localizedDescription)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in
            // The search index reads article bodies through this function (StoreSchema, article_search_source).
            db.add(function: Self.plainTextFunction)
            // Searches of one term rank with it (SearchRank).
            try SearchRank.register(on: db)
            // Filters fold, match and format text through these (ConnectionText).
            try ConnectionText.register(on: db)
            // In WAL mode, NORMAL survives a crashed or killed process; only a power cut may lose the last commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer (ingest) gets a bigger page cache, so a feed's transaction rarely spills to the log
            // before its commit; readers keep SQLite's 2 MiB.
            if !db.configuration.readonly {
                // Effective only on a new file (before GRDB turns WAL on); `compact` converts older ones.
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                try db.execute(sql: "PRAGMA cache_size = -16384")
                // A big reload must not leave a log file as large as everything it wrote.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
        }
        do {
            pool = try Self.openPool(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            // Checked on a read first: an up-to-date file opens without waiting for a writer in another process.
            let (isCurrent, isNewer, applied) = try pool.read { db in
                (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
            }
            let isNew = applied.isEmpty
            if isNewer {
                throw FeedStoreError(N_("%s: written by a newer qnread; upgrade qnread to open it"), path)
            }
            if !isCurrent {
                if !isNew {
                    announce(Words(N_("%s: updating the database for this version of qnread (once; a large store takes a minute)…"), path))
                }
                try Self.migrate(pool, with: migrator)
                // Compressing an older store's HTML left half its file free pages: giving them back was the point.
                // Another process using the file makes VACUUM fail; `qnread cleanup` then gives them back later.
                if !isNew && !applied.contains(StoreSchema.compressionMigration) { try? compact() }
            }
        } catch let error as DatabaseError {
            throw FeedStoreError(Self.describe(error, path: path))
        }
    }

    /// `qnread_plain_text(html)`: the text the search index holds for an article body, from the HTML as stored
    /// (compressed or not, StoredHTML) or as text.
    static let plainTextFunction = DatabaseFunction("qnread_plain_text", argumentCount: 1, pure: true) { values in
        StoredHTML.plainText(values[0])
    }

    /// Switching a new file to WAL takes a lock the busy timeout does not cover: a process racing another one
    /// through its first open may see SQLITE_BUSY there, and tries again shortly after.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 20 {
                attempt += 1
                usleep(50_000)
            }
        }
    }

    /// Two processes opening the same new file at once (the reader and a cron `reload`) may both start the
    /// migrations; each runs in its own transaction, so the loser rolls back and finds the schema in place.
    /// Under load the loser may also see SQLITE_BUSY before the winner commits: it tries again, up to three times.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        for attempt in 1...3 {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt == 3 { throw error }
            }
        }
    }

    /// A number that changes when another connection (another process: `qnread reload` from cron, the reader's
    /// reload child) commits to the database, and only then: SQLite's `PRAGMA data_version`, asked on the
    /// writer's connection, so this store's own writes leave it alone. One cheap pragma, no table read.
    public func outsideChangeCount() throws -> Int {
        do {
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let error as DatabaseError {
            throw storeError(error)
        }
    }

    /// Runs a write transaction, turning SQLite errors into one-line store errors. Each one moves the store's
    /// generation on, which tells every process that cached query feed counts are stale.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                let result = try updates(db)
                try db.execute(sql: "UPDATE store_generation SET value = value + 1")
                return result
            }
        } catch let error as DatabaseError {
            throw storeError(error)
        }
    }

    /// Runs a read on a snapshot, turning SQLite errors into one-line store errors.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(value)
        } catch let error as DatabaseError {
            throw storeError(error)
        }
    }

    /// A filter's own failure (a regular expression that runs too long) is the reader's to fix, not the file's:
    /// its line goes out as it is (ConnectionText words it), without the database's path.
    private func storeError(_ error: DatabaseError) -> FeedStoreError {
        if let message = error.message, message.hasPrefix("filter: ") { return FeedStoreError(text: message) }
        return FeedStoreError(Self.describe(error, path: path))
    }

    /// `PATH: reason`.
    private static func describe(_ error: DatabaseError, path: String) -> Words {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: Words(N_("%s: the database is busy (another qnread is writing); try again"), path)
        case .SQLITE_NOTADB: Words(N_("%s: not a qnread database"), path)
        case .SQLITE_CORRUPT: Words(N_("%s: the database is damaged"), path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: Words(N_("%s: cannot open the database for writing"), path)
        case .SQLITE_FULL: Words(N_("%s: the disk is full"), path)
        default: error.message.map { Words("%s: %s", path, $0) }
            ?? Words(N_("%s: database error %s"), path, String(error.resultCode.rawValue))
        }
    }
}
