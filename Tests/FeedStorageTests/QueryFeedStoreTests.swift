import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

// Query feeds (newsboat's `query:NAME:FILTER`) and search feeds (our `search:NAME:WORDS`) as the feeds list hands
// them to the store: rows of the feed list with counts, opened, paged and marked like any feed.
@Suite("Query and search feeds on a real store")
struct QueryFeedStoreTests {
    let scratch: ScratchStore
    let quebec: FeedID, montreal: FeedID, query: FeedID, search: FeedID

    static let queryURL = #"query:Québec:tags # "Québec""#
    static let searchURL = "search:Python:python -atelier"

    /// Québec numérique (3 articles, tag québec) and MTL Python (2), a query feed on the tag and a search feed.
    init() throws {
        scratch = try ScratchStore()
        let ids = try scratch.store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], customTitle: "MTL Python"),
            Subscription(url: Self.queryURL, tags: ["à lire"]),
            Subscription(url: Self.searchURL, customTitle: "Soirées Python"),
        ])
        (quebec, montreal, query, search) = (ids[0], ids[1], ids[2], ids[3])
        try scratch.store.apply(Samples.quebecNumerique, to: quebec, now: Clock.start)
        try scratch.store.apply(Samples.montrealPython, to: montreal, now: Clock.start)
    }

    private func row(_ id: FeedID) throws -> FeedSummary {
        try #require(try scratch.store.feedSummaries().first { $0.id == id })
    }

    @Test("The feed list shows them in place with what they select as unread/total, named after the line")
    func feedList() throws {
        let rows = try scratch.store.feedSummaries()
        #expect(rows.map(\.title) == ["Québec numérique", "MTL Python", "Québec", "Soirées Python"])
        #expect(rows.map(\.isQuery) == [false, false, true, true])
        #expect(rows.map(\.unreadCount) == [3, 2, 3, 1])
        #expect(rows.map(\.totalCount) == [3, 2, 3, 1])
        #expect(try row(query).tags == ["à lire"])
        // Reading an article of Québec numérique lowers its feed's count and the query's, in the same list.
        let ecole = try #require(try scratch.store.articles(.feed(quebec)).first { $0.title.contains("École") })
        try scratch.store.mark(.articles([ecole.id]), .read)
        #expect(try row(quebec).unreadCount == 2)
        #expect(try row(query).unreadCount == 2)
        #expect(try row(query).totalCount == 3)
        // Only real feeds are counted as feeds.
        #expect(try scratch.store.statistics().feeds == 2)
    }

    // Counts are kept between feed list loads until the store changes: a change made through another connection
    // (another process, such as a cron reload) must show too.
    @Test("Query feed counts follow a write made by another store on the same file")
    func countsFollowOtherWriters() throws {
        #expect(try row(query).unreadCount == 3)
        let other = try FeedStore(path: scratch.path)
        let pme = try #require(try other.articles(.feed(quebec)).last)
        try other.mark(.articles([pme.id]), .read)
        #expect(try row(query).unreadCount == 2)
        try other.apply(ParsedFeed(format: .rss20, title: "Québec numérique", items: [
            Samples.item("qn-4", "Hackathon à Québec", day: 0),
        ]), to: quebec, now: Clock.start)
        #expect(try row(query).totalCount == 4)
    }

    @Test("A query feed opens, pages and filters unread like any feed, newest first")
    func opening() throws {
        let all = try scratch.store.articles(.feed(query))
        #expect(all.map(\.title) == ["Rencontre « Web à Québec » : le programme", "L’École 42 ouvre un campus",
                                     "Transformation numérique des PME"])
        let first = try scratch.store.articles(.feed(query), limit: 2)
        let rest = try scratch.store.articles(.feed(query), after: ArticleCursor(after: first[1]), limit: 2)
        #expect((first + rest).map(\.id) == all.map(\.id))
        try scratch.store.mark(.articles([all[0].id]), .read)
        #expect(try scratch.store.articles(.feed(query, unreadOnly: true)).map(\.id) == [all[1].id, all[2].id])
        // The search feed: « python » anywhere (the feed's own title counts), without the workshop.
        #expect(try scratch.store.articles(.feed(search)).map(\.title) == ["Soirée éclair : Python et données ouvertes"])
    }

    @Test("Marking a query feed read marks what it selects, and nothing else")
    func markingRead() throws {
        let changed = try scratch.store.mark(.feed(query), .read)
        #expect(changed == 3)
        #expect(try row(quebec).unreadCount == 0)
        #expect(try row(montreal).unreadCount == 2)
        #expect(try scratch.store.mark(.feed(search), .read) == 1)
        #expect(try row(montreal).unreadCount == 1)
    }

    @Test("A query feed dropped from the list, or rewritten, leaves no row behind")
    func droppedQuery() throws {
        try scratch.store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: #"query:Québec:tags # "québec" and unread = "yes""#),
        ])
        let rows = try scratch.store.feedSummaries()
        #expect(rows.map(\.title) == ["Québec numérique", "Québec"])
        #expect(try scratch.store.feed(url: Self.queryURL) == nil)
        #expect(try scratch.store.feed(url: Self.searchURL) == nil)
        // The real feed dropped from the list keeps its articles (the store's rule for any feed).
        #expect(try scratch.store.statistics().articles == 5)
    }

    // A query feed is a merged list, like All articles: a feed hidden with newsboat's ! tag stays out of it.
    @Test("A feed hidden with ! stays out of a query feed's list, count and mark-as-read")
    func hiddenFeed() throws {
        try scratch.store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"], isHidden: true),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], customTitle: "MTL Python"),
            Subscription(url: #"query:Non lus:unread = "yes""#),
        ])
        let id = try #require(try scratch.store.feedSummaries().first(where: \.isQuery)?.id)
        #expect(try scratch.store.articles(.feed(id)).map(\.feedID) == [montreal, montreal])
        #expect(try row(id).unreadCount == 2)
        #expect(try scratch.store.mark(.feed(id), .read) == 2)
        #expect(try scratch.store.articles(.feed(quebec, unreadOnly: true)).count == 3, "the hidden feed's stay unread")
    }

    @Test("A search feed of filters alone keeps what they keep")
    func filtersAlone() throws {
        let id = try scratch.store.syncSubscriptions([
            Subscription(url: "https://montrealpython.example/feed"), Subscription(url: "search:Non lus MTL:tag:montréal is:unread"),
        ])[1]
        #expect(try scratch.store.articles(.feed(id)).isEmpty, "the feed lost its tag montréal with this list")
        try scratch.store.syncSubscriptions([
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"]),
            Subscription(url: "search:Non lus MTL:tag:montréal is:unread"),
        ])
        let atelier = try #require(try scratch.store.articles(.feed(montreal)).last)
        try scratch.store.mark(.articles([atelier.id]), .read)
        #expect(try scratch.store.articles(.feed(id)).map(\.title) == ["Soirée éclair : Python et données ouvertes"])
        #expect(try row(id).unreadCount == 1 && row(id).totalCount == 1)
    }

    @Test("A search feed that cannot run shows why on its row; the rest of the list is whole")
    func brokenSearch() throws {
        try scratch.store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed"),
            Subscription(url: "search:Sans mots:-emploi"),
        ])
        let rows = try scratch.store.feedSummaries()
        #expect(rows.map(\.unreadCount) == [3, 0])
        #expect(rows[1].fetch.lastError == "a search cannot only exclude words: add a word to look for")
        #expect { try scratch.store.articles(.feed(rows[1].id)) } throws: {
            ($0 as? SearchQueryError)?.message == "a search cannot only exclude words: add a word to look for"
        }
    }
}
