import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

// The reader stays open while `qnread reload` runs from cron: two processes on one file, one writing.
@Suite("Two processes at once")
struct ConcurrentProcessesTests {
    static let batch = 100

    /// `batch` new articles of « Le Soleil numérique », numbered from `start`.
    static func batch(from start: Int) -> ParsedFeed {
        ParsedFeed(format: .rss20, title: "Le Soleil numérique", items: (start..<start + batch).map { number in
            ParsedItem(id: "soleil-\(number)", title: "Nouvelle nº \(number) de Québec",
                       published: StoreFixture.now.addingTimeInterval(TimeInterval(number)),
                       content: String(repeating: "<p>L’actualité de Qu&eacute;bec, jour après jour.</p>", count: 20))
        })
    }

    @Test("Child processes read whole transactions and write between ours while this process ingests")
    func readersAndWriterDuringIngest() throws {
        let fixture = try StoreFixture()
        let quebec = try fixture.addQuebecNumerique()
        let store = try fixture.openStore()
        let soleil = try store.findOrCreateFeed(url: "https://lesoleil.example/feed").id
        let firstArticle = try #require(try store.articles(.feed(quebec)).first).id

        let done = DispatchSemaphore(value: 0)
        let writerError = ErrorBox()
        Thread {
            do {
                for round in 0..<30 {
                    try store.apply(Self.batch(from: round * Self.batch), to: soleil, now: StoreFixture.now)
                }
            } catch {
                writerError.error = error
            }
            done.signal()
        }.start()

        var seenCounts = Set<Int>()
        var writes = 0
        while done.wait(timeout: .now()) == .timedOut {
            let stats = try fixture.run(["stats"])
            #expect(stats.status == 0, "\(stats.stderr)")
            let articles = stats.stdout.split(separator: "\n").first { $0.hasPrefix("articles") }
                .flatMap { Int($0.split(separator: " ").last ?? "") } ?? -1
            seenCounts.insert(articles)
            let change = writes.isMultiple(of: 2) ? "read" : "unread"
            let mark = try fixture.run(["mark", change, String(firstArticle.rawValue)])
            #expect(mark.status == 0, "\(mark.stderr)")
            writes += 1
            let search = try fixture.run(["search", "quebec", "--limit", "5"])
            #expect(search.status == 0, "\(search.stderr)")
        }
        #expect(writerError.error == nil)
        // Two Québec numérique articles, plus whole batches only: never half a transaction.
        #expect(seenCounts.allSatisfy { ($0 - 2).isMultiple(of: Self.batch) && $0 >= 2 }, "\(seenCounts.sorted())")
        // The children really ran while the ingest was under way.
        #expect(seenCounts.contains { $0 > 2 && $0 < 2 + 30 * Self.batch }, "\(seenCounts.sorted())")
        #expect(writes > 0)
        #expect(try store.statistics().articles == 2 + 30 * Self.batch)
        #expect(try store.article(firstArticle)?.status.isRead == !writes.isMultiple(of: 2))
        #expect(try store.integrityProblems() == [])
    }
}

private final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
}
