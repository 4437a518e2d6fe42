import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

@Suite("Lists, pages and statuses")
struct StatusAndListTests {
    let scratch: ScratchStore
    let quebec: FeedID
    let montreal: FeedID

    init() throws {
        scratch = try ScratchStore()
        (quebec, montreal) = try scratch.subscribeToTwoFeeds()
    }

    var store: FeedStore { scratch.store }

    @Test("The feed list follows the feeds file, with custom titles, tags and counts")
    func feedList() throws {
        try store.mark(.articles([try #require(try store.articles(.feed(montreal)).first).id]), .read)
        let rows = try store.feedSummaries().map { "\($0.title) \($0.tags) \($0.unreadCount)/\($0.totalCount)" }
        #expect(rows == ["Québec numérique [\"québec\", \"tech\"] 3/3", "MTL Python [\"montréal\"] 1/2"])
    }

    @Test("An untitled feed is listed by its URL, its password shown as ***")
    func untitledFeedHidesPassword() throws {
        try store.syncSubscriptions([Subscription(url: "https://marie:s3cret@prive.exemple/flux.xml")])
        #expect(try store.feedSummaries().map(\.title) == ["https://marie:***@prive.exemple/flux.xml"])
    }

    @Test("Syncing the list the store already matches writes nothing; any change to it is applied")
    func syncWritesOnlyChanges() throws {
        let log = scratch.path + "-wal"
        func logSize() throws -> Int { try #require(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) }
        let same = [
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["tech", "québec"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], customTitle: "MTL Python"),
        ]
        let before = try logSize()
        #expect(try store.syncSubscriptions(same) == [quebec, montreal])
        #expect(try logSize() == before)

        var retitled = same
        retitled[1].customTitle = "Montréal-Python"
        #expect(try store.syncSubscriptions(retitled) == [quebec, montreal])
        #expect(try store.feedSummaries().map(\.title) == ["Québec numérique", "Montréal-Python"])
        #expect(try logSize() > before)

        #expect(try store.syncSubscriptions([retitled[1], retitled[0]]) == [montreal, quebec])
        #expect(try store.feedSummaries().map(\.title) == ["Montréal-Python", "Québec numérique"])
        var untagged = [retitled[1], retitled[0]]
        untagged[1].tags = ["tech"]
        try store.syncSubscriptions(untagged)
        #expect(try store.feedSummaries().map(\.tags) == [["montréal"], ["tech"]])
    }

    @Test("A feed dropped from the list (or hidden) leaves lists, searches and next unread, and comes back whole")
    func unlistedFeedsAreNotShown() throws {
        let quebecOnly = [Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"])]
        try store.mark(.articles([try #require(try store.articles(.feed(montreal)).last).id]), .starred)
        try store.syncSubscriptions(quebecOnly)
        #expect(try store.feedSummaries().map(\.title) == ["Québec numérique"])
        #expect(try store.articles(.all).map(\.feedID) == [quebec, quebec, quebec])
        #expect(try store.articles(.starred).isEmpty)
        #expect(try store.search("python").isEmpty)
        #expect(try store.search("école").map(\.article.feedID) == [quebec])
        var seen: [String] = []
        var next = try store.unreadArticle(.next)
        while let article = next, seen.count < 10 {
            seen.append(article.title)
            next = try store.unreadArticle(.next, from: article.id)
        }
        #expect(seen.count == 3)

        try store.syncSubscriptions(quebecOnly + [Subscription(url: "https://montrealpython.example/feed")])
        #expect(try store.feedSummaries().map(\.title) == ["Québec numérique", "Montréal-Python"])
        #expect(try store.articles(.starred).map(\.title) == ["Atelier débutant : premiers pas"])
        #expect(try store.search("python").count == 2)
    }

    @Test("A feed summary carries the site link the feed gives, for opening the site rather than the XML")
    func summariesCarrySiteLink() throws {
        #expect(try store.feedSummaries().first?.siteLink == "https://quebecnumerique.example/")
    }

    // newsboat's "!" tag: a feed read only through searches (and query feeds) still showed in the reader.
    @Test("A feed hidden with ! leaves the feed list, merged lists and next unread, but is searched and listed by name")
    func hiddenFeedsAreNotListed() throws {
        try store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], isHidden: true),
        ])
        #expect(try store.feedSummaries().map(\.title) == ["Québec numérique"])
        #expect(try store.articles(.all).map(\.feedID) == [quebec, quebec, quebec])
        #expect(try store.articles(ArticleScope(tag: "montréal")).isEmpty)
        #expect(try store.articles(.feed(montreal)).count == 2)
        #expect(try store.search("python").count == 2)
        var next = try store.unreadArticle(.next)
        var seen: [FeedID] = []
        while let article = next, seen.count < 10 {
            seen.append(article.feedID)
            next = try store.unreadArticle(.next, from: article.id)
        }
        #expect(seen == [quebec, quebec, quebec])
        // Shown again once the list no longer hides it.
        try store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"]),
        ])
        #expect(try store.feedSummaries().map(\.title) == ["Québec numérique", "Montréal-Python"])
    }

    @Test("Pages run newest first and the cursor continues exactly where the last page ended")
    func keysetPages() throws {
        let first = try store.articles(.all, limit: 2)
        let second = try store.articles(.all, after: ArticleCursor(after: try #require(first.last)), limit: 2)
        let third = try store.articles(.all, after: ArticleCursor(after: try #require(second.last)), limit: 2)
        let all = try store.articles(.all, limit: 10)
        #expect((first + second + third).map(\.id) == all.map(\.id))
        #expect(all.count == 5)
        #expect(all.map(\.date) == all.map(\.date).sorted(by: >))
    }

    @Test("Unread, starred and tag scopes list only their articles")
    func scopes() throws {
        let quebecPage = try store.articles(.feed(quebec))
        try store.mark(.articles([quebecPage[0].id]), .read)
        try store.mark(.articles([quebecPage[1].id]), .starred)
        #expect(try store.articles(.feed(quebec, unreadOnly: true)).map(\.id) == [quebecPage[1].id, quebecPage[2].id])
        #expect(try store.articles(.starred).map(\.id) == [quebecPage[1].id])
        #expect(try store.articles(.unread).count == 4)
        #expect(try store.articles(ArticleScope(tag: "montréal")).map(\.feedTitle) == ["MTL Python", "MTL Python"])
    }

    @Test("Marking a feed or everything read updates the counts")
    func markFeedAndAll() throws {
        #expect(try store.mark(.feed(quebec), .read) == 3)
        #expect(try store.feedSummaries().map(\.unreadCount) == [0, 2])
        #expect(try store.mark(.everything, .read) == 2)
        #expect(try store.mark(.everything, .read) == 0)
        #expect(try store.mark(.feed(montreal), .unread) == 2)
        #expect(try store.feedSummaries().map(\.unreadCount) == [0, 2])
        #expect(try store.integrityProblems() == [])
    }

    @Test("Next unread goes down a feed, then on to the next feed with unread articles, and back")
    func nextAndPreviousUnread() throws {
        let q = try store.articles(.feed(quebec))
        let m = try store.articles(.feed(montreal))
        try store.mark(.articles([q[1].id]), .read)
        #expect(try store.unreadArticle(.next)?.id == q[0].id)
        #expect(try store.unreadArticle(.next, from: q[0].id)?.id == q[2].id)
        #expect(try store.unreadArticle(.next, from: q[2].id)?.id == m[0].id)
        #expect(try store.unreadArticle(.next, from: m[1].id) == nil)
        #expect(try store.unreadArticle(.previous, from: m[0].id)?.id == q[2].id)
        #expect(try store.unreadArticle(.previous, from: q[2].id)?.id == q[0].id)
        #expect(try store.unreadArticle(.previous)?.id == m[1].id)
    }

    @Test("One article comes back whole: HTML, authors, categories and status")
    func wholeArticle() throws {
        let id = try #require(try store.articles(.feed(quebec)).first).id
        let article = try #require(try store.article(id))
        #expect(article.feedTitle == "Québec numérique")
        #expect(article.authors == ["Marie-Ève Tremblay"])
        #expect(article.categories == ["Numérique"])
        #expect(article.contentHTML?.contains("Qu&eacute;bec") == true)
        #expect(article.link == "https://quebecnumerique.example/qn-3")
        #expect(article.status == ArticleStatus(arrived: Clock.start))
        #expect(try store.article(ArticleID(9999)) == nil)
    }

    @Test("Removing a feed removes its articles, statuses and search entries")
    func removeFeed() throws {
        try store.removeFeed(montreal)
        #expect(try store.feedSummaries().map(\.id) == [quebec])
        #expect(try store.search("python").isEmpty)
        #expect(try store.integrityProblems() == [])
    }
}

@Suite("Changes made by another process")
struct OutsideChangeTests {
    // The live reader asks this on every tick: it must move for another connection's commit and for nothing else.
    @Test("The outside-change count moves when another connection commits, not for this store's own writes")
    func outsideChanges() throws {
        let scratch = try ScratchStore()
        let (quebec, _) = try scratch.subscribeToTwoFeeds()
        let before = try scratch.store.outsideChangeCount()
        try scratch.store.mark(.feed(quebec), .read)
        _ = try scratch.store.feedSummaries()
        #expect(try scratch.store.outsideChangeCount() == before, "its own write")

        let other = try FeedStore(path: scratch.path)   // as `qnread reload` from cron opens it
        try other.mark(.feed(quebec), .unread)
        let after = try scratch.store.outsideChangeCount()
        #expect(after != before)
        #expect(try scratch.store.outsideChangeCount() == after, "asking again changes nothing")
    }
}
