@testable import FeedStorage
import GRDB
import Foundation
import Testing

@Suite("Opening the database")
struct OpeningTests {
    @Test("A file that is not a database is refused in one line naming it")
    func notADatabase() throws {
        let scratch = try ScratchStore()
        let path = scratch.directory.appendingPathComponent("notes.sqlite").path
        try Data("Ceci n’est pas une base de données, mais une note de plusieurs octets.\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FeedStoreError("%s: not a qnread database", path)) { try FeedStore(path: path) }
    }

    @Test("Reopening keeps everything and runs no migration twice")
    func reopen() throws {
        let scratch = try ScratchStore()
        let feed = try scratch.store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        #expect(try scratch.store.hasNoArticles())
        try scratch.store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.start)
        let reopened = try FeedStore(path: scratch.path)
        #expect(try !reopened.hasNoArticles())
        #expect(try reopened.statistics().articles == 3)
        #expect(try reopened.search("ecole").count == 1)
        let pageSize = try reopened.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        #expect(pageSize == FeedStore.pageSize, "a new store gets 16 KiB pages")
        let hashSize = try reopened.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM article_search_config WHERE k = 'hashsize'")
        }
        #expect(hashSize == 16 << 20, "the search index holds 16 MB of words before writing a segment")
    }

    @Test("Opening a database an older qnread wrote says so before updating it; a new one says nothing")
    func announcesUpdate() throws {
        let scratch = try ScratchStore()
        var heard: [String] = []
        let path = scratch.directory.appendingPathComponent("ancienne.sqlite").path
        _ = try FeedStore(path: path) { heard.append($0.description) }
        #expect(heard.isEmpty)
        // As the first release left it: only the first migration applied.
        let queue = try DatabaseQueue(path: scratch.directory.appendingPathComponent("premiere.sqlite").path)
        try StoreSchema.migrator.migrate(queue, upTo: "2026-12-01 feeds, articles, statuses, search")
        try queue.close()
        let older = try FeedStore(path: queue.path) { heard.append($0.description) }
        #expect(heard == ["\(queue.path): updating the database for this version of qnread (once; a large store takes a minute)…"])
        #expect(try older.hasNoArticles())
        _ = try FeedStore(path: queue.path) { heard.append($0.description) }
        #expect(heard.count == 1, "an up-to-date database is opened without a word")
    }

    // The reader and a cron `reload` can both be the first to open a new file: both start the migrations.
    @Test("Two connections creating the same new database at once both open it")
    func racingFirstOpen() throws {
        let scratch = try ScratchStore()
        for round in 0..<20 {
            let path = scratch.directory.appendingPathComponent("race-\(round).sqlite").path
            let failures = FailureBox()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do { _ = try FeedStore(path: path).statistics() } catch { failures.add("\(error)") }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
        }
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
