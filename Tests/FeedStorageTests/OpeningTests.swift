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
        try scratch.store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.start)
        let reopened = try FeedStore(path: scratch.path)
        #expect(try reopened.statistics().articles == 3)
        #expect(try reopened.search("ecole").count == 1)
    }
}
