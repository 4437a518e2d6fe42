import ArgumentParser
import FeedModel
import FeedStorage
import Foundation

/// Hidden: in-process timings of the store's reader queries, for bench/store.sh. Prints `name value unit` lines.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Time the store's reader queries (for bench/store.sh).",
        shouldDisplay: false
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("A file of searches, one per line.", valueName: "file"))
    var queries: String

    @Option(help: "Runs of each list query.")
    var runs = 20

    func run() throws {
        let opened = ContinuousClock.now
        let store = try global.openStore()
        let feeds = try store.feedSummaries()
        let page = try store.articles(.feed(feeds.first?.id ?? FeedID(1)), limit: 50)
        print("open_to_first_page \(Self.milliseconds(ContinuousClock.now - opened)) ms")
        print("articles_on_first_page \(page.count)")
        print("feeds \(feeds.count) articles \(feeds.reduce(0) { $0 + $1.totalCount })")

        let feedList = try Self.times(runs) { _ = try store.feedSummaries() }
        print("feed_list_median \(Self.milliseconds(Self.percentile(feedList, 0.5))) ms")
        let middle = feeds[feeds.count / 2].id
        let firstPage = try Self.times(runs) { _ = try store.articles(.feed(middle), limit: 50) }
        print("first_page_median \(Self.milliseconds(Self.percentile(firstPage, 0.5))) ms")
        let unreadPage = try Self.times(runs) { _ = try store.articles(.unread, limit: 50) }
        print("all_unread_page_median \(Self.milliseconds(Self.percentile(unreadPage, 0.5))) ms")

        // The live reader asks this on every tick (4 a second): it must cost next to nothing at any size.
        let check = try Self.times(1000) { _ = try store.outsideChangeCount() }
        print("outside_change_check_median \(Self.microseconds(Self.percentile(check, 0.5))) µs (1000 runs)")
        // What a change then costs: the feed list and a first page read again.
        let refresh = try Self.times(runs) {
            _ = try store.feedSummaries()
            _ = try store.articles(.feed(middle), limit: 200)
        }
        print("live_refresh_median \(Self.milliseconds(Self.percentile(refresh, 0.5))) ms (feed list + 200 rows)")

        let searches = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map(String.init)
        var searchTimes: [Duration] = []
        var hits = 0
        // Each search once to warm the pages it reads, then its median of 5 runs: one run of each is at the
        // mercy of whatever else the machine does in that millisecond.
        for query in searches {
            hits += try store.search(query, limit: 20).count
            let runs = try Self.times(5) { _ = try store.search(query, limit: 20) }
            searchTimes.append(Self.percentile(runs, 0.5))
        }
        print("searches \(searches.count) (median of 5 runs each) hits \(hits)")
        print("search_p50 \(Self.milliseconds(Self.percentile(searchTimes, 0.5))) ms")
        print("search_p95 \(Self.milliseconds(Self.percentile(searchTimes, 0.95))) ms")
        for (query, time) in zip(searches, searchTimes).sorted(by: { $0.1 > $1.1 }).prefix(5) {
            print("search_slow \(Self.milliseconds(time)) ms \(query)")
        }
    }

    private static func times(_ runs: Int, _ body: () throws -> Void) throws -> [Duration] {
        try (0..<max(1, runs)).map { _ in
            let start = ContinuousClock.now
            try body()
            return ContinuousClock.now - start
        }
    }

    private static func percentile(_ values: [Duration], _ fraction: Double) -> Duration {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    private static func microseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1_000_000 + Double(attoseconds) / 1e12)
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
