import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

// Podcasts: enclosures listed across feeds and where each download stands, kept in the store so the reader and the
// `download` command (two processes) see the same queue, and a killed download is found again.
@Suite("Enclosures and their downloads")
struct DownloadStoreTests {
    let scratch: ScratchStore
    let feed: FeedID

    init() throws {
        scratch = try ScratchStore()
        feed = try scratch.store.syncSubscriptions([Subscription(url: "https://balado.exemple.qc.ca/rss")])[0]
        try scratch.store.apply(Self.balado, to: feed, now: Clock.start)
    }

    var store: FeedStore { scratch.store }

    /// Two episodes (one with audio and video), and an article with no enclosure at all.
    static var balado: ParsedFeed {
        func episode(_ id: String, _ title: String, day: Int, _ enclosures: [ParsedEnclosure]) -> ParsedItem {
            var item = Samples.item(id, title, day: day)
            item.enclosures = enclosures
            return item
        }
        return ParsedFeed(format: .rss20, title: "Balado Web à Québec", items: [
            episode("ep2", "Épisode 2", day: -1, [
                ParsedEnclosure(url: "https://balado.exemple.qc.ca/ep2.mp3", type: "audio/mpeg", length: 1500, duration: 2730, title: "Les minutes"),
                ParsedEnclosure(url: "https://balado.exemple.qc.ca/ep2.mp4", type: "video/mp4", duration: 2730),
            ]),
            episode("texte", "Un billet sans fichier", day: -2, []),
            episode("ep1", "Épisode 1", day: -3, [ParsedEnclosure(url: "https://balado.exemple.qc.ca/ep1.mp3", type: "audio/mpeg", duration: 3723)]),
        ])
    }

    @Test("Enclosures are listed newest first, with duration and title, articles without any left out")
    func listing() throws {
        let items = try store.enclosures()
        #expect(items.map(\.enclosure.url) == [
            "https://balado.exemple.qc.ca/ep2.mp3", "https://balado.exemple.qc.ca/ep2.mp4", "https://balado.exemple.qc.ca/ep1.mp3",
        ])
        #expect(items[0].enclosure == Enclosure(url: "https://balado.exemple.qc.ca/ep2.mp3", type: "audio/mpeg", length: 1500,
                                                duration: 2730, title: "Les minutes"))
        #expect(items.map(\.feedTitle) == Array(repeating: "Balado Web à Québec", count: 3))
        #expect(items.allSatisfy { $0.download == nil })
    }

    @Test("Queuing, progress, completion and failure are kept; --new leaves out what was queued")
    func states() throws {
        let items = try store.enclosures()
        #expect(try store.queueDownloads([items[0].id, items[2].id], now: Clock.start) == 2)
        #expect(try store.enclosures(newOnly: true).map(\.enclosure.url) == ["https://balado.exemple.qc.ca/ep2.mp4"])
        try store.recordDownload(items[0].id, DownloadState(phase: .downloading, path: "/dl/ep2.mp3.part", received: 750, total: 1500))
        try store.recordDownload(items[2].id, DownloadState(phase: .failed, error: "HTTP 404 Not Found"))
        let after = try store.enclosures()
        #expect(after[0].download == DownloadState(phase: .downloading, path: "/dl/ep2.mp3.part", received: 750, total: 1500))
        #expect(after[0].download?.percent == 50)
        #expect(after[2].download?.error == "HTTP 404 Not Found")
        // A download left `downloading` by a killed process is still pending; a failed one is not until queued again.
        #expect(try store.pendingDownloads().map(\.id) == [items[0].id])
        #expect(try store.queueDownloads([items[2].id]) == 1)
        #expect(try store.pendingDownloads().map(\.id) == [items[0].id, items[2].id])
        try store.recordDownload(items[0].id, DownloadState(phase: .done, path: "/dl/ep2.mp3", received: 1500, total: 1500))
        // A done download is not queued again.
        #expect(try store.queueDownloads([items[0].id]) == 0)
        #expect(try store.enclosures()[0].download?.phase == .done)
    }

    @Test("The counts are of episodes: articles with enclosures, and those with none queued")
    func counts() throws {
        var counts = try store.enclosureCounts()
        #expect(counts.total == 2 && counts.new == 2)
        // Episode 2's video alone queued: the episode is no longer new.
        try store.queueDownloads([try store.enclosures()[1].id])
        counts = try store.enclosureCounts()
        #expect(counts.total == 2 && counts.new == 1)
    }

    @Test("Another connection (another process) sees the queue")
    func sharedAcrossConnections() throws {
        let item = try #require(try store.enclosures().first)
        try store.queueDownloads([item.id])
        let other = try FeedStore(path: scratch.path)
        #expect(try other.pendingDownloads().map(\.id) == [item.id])
    }

    @Test("An article's download state goes with the article")
    func removedWithArticle() throws {
        let item = try #require(try store.enclosures().last)
        try store.queueDownloads([item.id])
        try store.applyRetention(RetentionPolicy(maxAgeDays: 2), now: Clock.start)
        #expect(try store.enclosures().map(\.articleID).contains(item.articleID) == false)
        #expect(try store.pendingDownloads().isEmpty)
    }
}
