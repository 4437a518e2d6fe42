import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

@Suite("Retention and cleanup")
struct RetentionTests {
    let scratch: ScratchStore
    let feed: FeedID

    /// Ten articles, one a day, the newest dated Clock.start.
    static var tenDays: ParsedFeed {
        ParsedFeed(format: .rss20, title: "Dix jours", items: (0..<10).map { day in
            Samples.item("jour-\(day)", "Jour \(day) : les nouvelles", day: -day)
        })
    }

    init() throws {
        scratch = try ScratchStore()
        feed = try scratch.store.findOrCreateFeed(url: "https://dixjours.example/feed").id
        try scratch.store.apply(Self.tenDays, to: feed, now: Clock.start)
    }

    var store: FeedStore { scratch.store }

    private func titles() throws -> [String] { try store.articles(.feed(feed)).map(\.title) }

    @Test("At most N per feed keeps the newest N and every starred article")
    func maxPerFeed() throws {
        let oldest = try #require(try store.articles(.feed(feed)).last)
        try store.mark(.articles([oldest.id]), .starred)
        #expect(try store.applyRetention(RetentionPolicy(maxArticlesPerFeed: 3), now: Clock.start) == 6)
        #expect(try titles() == ["Jour 0 : les nouvelles", "Jour 1 : les nouvelles", "Jour 2 : les nouvelles",
                                 "Jour 9 : les nouvelles"])
        #expect(try store.feedSummaries().first?.totalCount == 4)
        #expect(try store.search("nouvelles").count == 4)
        #expect(try store.integrityProblems() == [])
    }

    @Test("At most M days drops older articles, never starred ones")
    func maxAge() throws {
        let page = try store.articles(.feed(feed))
        try store.mark(.articles([page[8].id]), .starred)
        // Days 6, 7 and 9 are older than five days; day 5 is exactly five days old and stays; 8 is starred.
        #expect(try store.applyRetention(RetentionPolicy(maxAgeDays: 5), now: Clock.start) == 3)
        #expect(try titles().count == 7)
        #expect(try titles().last == "Jour 8 : les nouvelles")
    }

    @Test("An article retention removed does not come back as new while the feed still lists it")
    func removedStayRemoved() throws {
        try store.applyRetention(RetentionPolicy(maxArticlesPerFeed: 5), now: Clock.start)
        #expect(try store.apply(Self.tenDays, to: feed, now: Clock.day(1)) == IngestResult(unchanged: 5))
        #expect(try titles().count == 5)
        // Once the feed has stopped listing it for a long while, the key is forgotten.
        var shorter = Self.tenDays
        shorter.items = Array(shorter.items.prefix(5))
        try store.apply(shorter, to: feed, now: Clock.day(40))
        #expect(try store.apply(Self.tenDays, to: feed, now: Clock.day(41)).new == 5)
    }

    @Test("Compacting gives back the space of removed articles")
    func compact() throws {
        var big = Self.tenDays
        big.items = (0..<300).map { Samples.item("gros-\($0)", "Gros \($0)", day: -$0,
                                                   body: String(repeating: "<p>Du texte à Québec.</p>", count: 100)) }
        try store.apply(big, to: feed, now: Clock.start)
        try store.applyRetention(RetentionPolicy(maxArticlesPerFeed: 5), now: Clock.start)
        let before = try store.statistics()
        try store.compact()
        let after = try store.statistics()
        #expect(before.reclaimableSize > 0)
        #expect(after.fileSize < before.fileSize)
        #expect(after.articles == 5 && after.reclaimableSize == 0)
        #expect(try store.integrityProblems() == [])
    }
}
