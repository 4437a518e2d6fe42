import FeedStorage
import Foundation
import Testing

// A reload killed by the OOM killer, a reboot or kill -9 must leave the database as it was before the feed's
// transaction: SQLite's WAL guarantees it, this test checks that we never split one feed over transactions.
@Suite("kill -9 during an ingest", .enabled(if: ParserReadiness.isReady, "needs the feed parser"))
struct KilledIngestTests {
    /// An RSS feed of `count` French articles, big enough that one ingest takes seconds in a debug build. Each
    /// paragraph ends with made-up words: the store compresses HTML, and repeated paragraphs alone made a feed's
    /// transaction too small to spill into the log before its commit, so the kill came after it.
    static func bigFeed(count: Int, revision: String) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le gros flux</title>"#
        var seed: UInt64 = 2_026_120_6
        func word() -> String {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let letters = Array("bcdfglmnprstvaeiou")
            return String((0..<(4 + Int(seed >> 61))).map { letters[Int((seed >> UInt64(8 + 5 * $0)) % 18)] })
        }
        for number in 0..<count {
            xml += "<item><title>Article nº \(number) \(revision)</title><guid>gros-\(number)</guid>"
            xml += "<pubDate>Mon, 01 Dec 2025 12:00:00 +0000</pubDate><description><![CDATA["
            for _ in 0..<20 {
                let words = (0..<6).map { _ in word() }.joined(separator: " ")
                xml += "<p>Les rencontres numériques de Qu&eacute;bec, « en direct », \(revision) : \(words).</p>"
            }
            xml += "]]></description></item>"
        }
        return xml + "</channel></rss>"
    }

    @Test("SIGKILL in the middle of a feed's transaction leaves the store as before it, intact")
    func killMidIngest() throws {
        let fixture = try StoreFixture()
        let url = "https://gros.example/feed"
        let small = fixture.directory.appendingPathComponent("petit.xml")
        let big = fixture.directory.appendingPathComponent("gros.xml")
        try Self.bigFeed(count: 200, revision: "première version").write(to: small, atomically: true, encoding: .utf8)
        try Self.bigFeed(count: 4_000, revision: "seconde version").write(to: big, atomically: true, encoding: .utf8)
        #expect(try fixture.run(["import-file", small.path, "--feed-url", url]).status == 0)
        let before = try fixture.openStore().statistics()

        let child = Process()
        child.executableURL = QnReadProcess.binaryURL
        child.arguments = ["import-file", big.path, "--feed-url", url, "--db", fixture.dbPath]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        let wal = fixture.dbPath + "-wal"
        let walBefore = Self.size(wal)
        try child.run()
        // The transaction is under way once its pages spill into the log; kill it then.
        let deadline = Date().addingTimeInterval(120)
        while child.isRunning, Self.size(wal) < walBefore + 3_000_000, Date() < deadline {
            usleep(2_000)
        }
        let wasRunning = child.isRunning
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(wasRunning, "the import finished before it could be killed: make the feed bigger")
        #expect(child.terminationReason == .uncaughtSignal)

        let store = try fixture.openStore()
        #expect(try store.integrityProblems() == [])
        // Either the feed's transaction never committed (the usual case: the kill lands while its pages
        // spill into the log) or it committed whole just before the kill. Never anything in between.
        let after = try store.statistics()
        #expect(after.articles == before.articles || after.articles == 4_000, "\(after.articles) articles")
        if after.articles == before.articles {
            #expect(try store.search("seconde").isEmpty)
            #expect(try store.search("première", limit: 1_000).count == 200)
        } else {
            #expect(try store.search("première").isEmpty)
            // A search ranks the 1,000 newest matches only; integrityProblems above compared the index with the rows.
            #expect(try store.search("seconde", limit: 5_000).count == 1_000)
        }
        // And the same import, run to its end, applies in full.
        #expect(try fixture.run(["import-file", big.path, "--feed-url", url]).status == 0)
        #expect(try store.statistics().articles == 4_000)
    }

    private static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}
