import ArgumentTables
import FeedModel
import FeedStorage
import Foundation
import Localization

/// Hidden: in-process timings of the store's reader queries, for bench/store.sh. Prints `name value unit` lines.
struct BenchStoreCommand {
    static let defaultRuns = 20

    static let table = CommandTable(
        "bench-store",
        abstract: N_("Time the store's reader queries (for bench/store.sh)."),
        isHidden: true,
        rows: GlobalOptions.rows + [
            .option("queries", valueName: "file", required: true, help: N_("A file of searches, one per line.")),
            .option("runs", .integer, default: String(defaultRuns), help: N_("Runs of each list query.")),
            .option("query-feed", valueName: "query:NAME:FILTER", repeating: true,
                    help: N_("A query or search feed to open beside an ordinary one, as a feeds file writes it.")),
        ],
        run: { try BenchStoreCommand($0).run() })

    var global: GlobalOptions
    var queries: String
    var runs: Int
    var queryFeeds: [String]

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
        queries = values.string("queries") ?? ""
        runs = values.int("runs") ?? Self.defaultRuns
        queryFeeds = values.strings("query-feed")
    }

    func run() throws {
        let opened = ContinuousClock.now
        let store = try global.openStore()
        let feeds = try store.feedSummaries()
        let page = try store.articles(.feed(feeds.first?.id ?? FeedID(1)), limit: 50)
        print("open_to_first_page \(Self.milliseconds(ContinuousClock.now - opened)) ms")
        print("articles_on_first_page \(page.count)")
        let articleCount = feeds.reduce(0) { $0 + $1.totalCount }
        print("feeds \(feeds.count) articles \(articleCount)")

        let feedList = try Self.times(runs) { _ = try store.feedSummaries() }
        print("feed_list_median \(Self.milliseconds(Self.percentile(feedList, 0.5))) ms")
        let middle = feeds[feeds.count / 2].id
        let firstPage = try Self.times(runs) { _ = try store.articles(.feed(middle), limit: 50) }
        print("first_page_median \(Self.milliseconds(Self.percentile(firstPage, 0.5))) ms (an ordinary feed)")
        let unreadPage = try Self.times(runs) { _ = try store.articles(.unread, limit: 50) }
        print("all_unread_page_median \(Self.milliseconds(Self.percentile(unreadPage, 0.5))) ms")
        if !queryFeeds.isEmpty { try timeQueryFeeds(store, ordinary: Self.percentile(firstPage, 0.5)) }

        // The live reader asks this on every tick (4 a second): it must cost next to nothing at any size.
        let check = try Self.times(1000) { _ = try store.outsideChangeCount() }
        print("outside_change_check_median \(Self.microseconds(Self.percentile(check, 0.5))) µs (1000 runs)")
        // What a change then costs: the feed list and a first page read again.
        let refresh = try Self.times(runs) {
            _ = try store.feedSummaries()
            _ = try store.articles(.feed(middle), limit: 200)
        }
        print("live_refresh_median \(Self.milliseconds(Self.percentile(refresh, 0.5))) ms (feed list + 200 rows)")

        // Opening an article as the pager does (row, feed, status; the HTML decompressed), every 500th id of the
        // store so most rows are read cold: store.sh prints SQLite reading the same rows beside it.
        let sample = stride(from: Int64(1), through: Int64(max(1, articleCount)), by: 500).map { ArticleID($0) }
        for id in sample { _ = try store.article(id) }
        let opens = try sample.map { id in Self.percentile(try Self.times(5) { _ = try store.article(id) }, 0.5) }
        print("article_open_median \(Self.microseconds(Self.percentile(opens, 0.5))) µs,"
              + " slowest \(Self.microseconds(Self.percentile(opens, 1))) µs (\(sample.count) articles, every 500th id, median of 5 runs each)")

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

    /// Each query feed opened as the reader opens a feed (its first page of 50, of all articles and of unread ones),
    /// beside the ordinary feed's first page; then the feed list with them all, the first time after a change to the
    /// store (every count run) and after (counts kept). The rows are removed afterwards: the database stays as it was.
    private func timeQueryFeeds(_ store: FeedStore, ordinary: Duration) throws {
        var ids: [FeedID] = []
        defer { for id in ids { try? store.removeFeed(id) } }
        for url in queryFeeds { ids.append(try store.findOrCreateFeed(url: url).id) }
        let firstList = try Self.times(1) { _ = try store.feedSummaries() }[0]
        let summaries = try store.feedSummaries()
        for (url, id) in zip(queryFeeds, ids) {
            let page = try store.articles(.feed(id), limit: 50)
            let all = Self.percentile(try Self.times(runs) { _ = try store.articles(.feed(id), limit: 50) }, 0.5)
            let unread = Self.percentile(try Self.times(runs) { _ = try store.articles(.feed(id, unreadOnly: true), limit: 50) }, 0.5)
            let counts = summaries.first { $0.id == id }.map { "\($0.unreadCount)/\($0.totalCount)" } ?? "?"
            print("query_first_page_median \(Self.milliseconds(all)) ms, unread only \(Self.milliseconds(unread)) ms"
                  + String(format: " (%.1f× the ordinary feed's; %d on the page, %@ unread/total) ", Self.ratio(all, ordinary),
                           page.count, counts) + url)
        }
        let keptList = Self.percentile(try Self.times(runs) { _ = try store.feedSummaries() }, 0.5)
        print("feed_list_with_\(ids.count)_query_feeds first \(Self.milliseconds(firstList)) ms (every count run),"
              + " median \(Self.milliseconds(keptList)) ms after (counts kept until the store changes)")
    }

    private static func ratio(_ a: Duration, _ b: Duration) -> Double {
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        return seconds(a) / max(seconds(b), 1e-9)
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
