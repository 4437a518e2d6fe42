import FeedStorage
import Foundation
import Testing

@Suite("Opening the database")
struct OpeningTests {
    @Test("A file that is not a database is refused in one line naming it")
    func notADatabase() throws {
        let scratch = try ScratchStore()
        let path = scratch.directory.appendingPathComponent("notes.sqlite").path
        try Data("Ceci n’est pas une base de données, mais une note de plusieurs octets.\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FeedStoreError("\(path): not a qnread database")) { try FeedStore(path: path) }
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
