import FeedModel
import ReaderCore
import ScreenKit
import Testing

// The store changed under the reader (a cron `qnread reload`): counts and lists follow, the selection stays.

@Suite("Live reader")
struct LiveReaderTests {
    @Test("Another process's write reloads the feeds and each open list from its top, as many rows as it holds")
    func effects() {
        var state = ArticleListScreenTests.openList()
        state.press("j")
        let effects = state.update(.storeChanged)
        #expect(effects.first == .loadFeeds)
        guard case .loadArticles(let id, let query)? = effects.last, effects.count == 2 else {
            Issue.record("no list load: \(effects)")
            return
        }
        #expect(query == ArticleQuery(source: .feed(FeedID(1)), unreadOnly: false, after: nil, limit: 200))
        #expect(state.lines[2].hasPrefix(" *"), "the rows stay until the answer")

        // A new article arrived on top: the selection follows the article it was on.
        let fresh = [Fixture.summary(10, "Nouveau : la neige à Québec", date: "2026-12-01T10:00:00Z")] + Fixture.page
        _ = state.update(.articlesLoaded(requestID: id, fresh, isLast: true))
        #expect(state.lines[1].hasSuffix("Nouveau : la neige à Québec"))
        #expect(state.lines[3].contains("« Les données ouvertes » en région"))
        #expect(state.lines.last?.hasSuffix("3/4") == true, "row 3 is that article now")
    }

    @Test("The reader's own reload, another process too, is not taken for an outside write")
    func ownReload() {
        var state = ArticleListScreenTests.openList()
        #expect(state.update(.reloadProgress(ReloadProgress(done: 1, total: 3))) == [.loadFeeds])
        #expect(state.update(.storeChanged) == [])
        _ = state.update(.reloadFinished(ReloadProgress(done: 3, total: 3)))
        #expect(state.update(.storeChanged).count == 2, "after it, outside writes count again")
    }

    @Test("When the selected article is gone (retention), the same row stays selected")
    func selectedGone() {
        var state = ArticleListScreenTests.openList()
        state.press("j")
        let id = AppState.requestID(in: state.update(.storeChanged))!
        _ = state.update(.articlesLoaded(requestID: id, [Fixture.page[0], Fixture.page[2]], isLast: true))
        #expect(state.lines.last?.hasSuffix("2/2") == true)
        #expect(state.lines[2].contains("Rencontre des développeurs de Lévis"))
    }

    @Test("Under the pager, the list is refreshed and keeps the article shown; search results are run again")
    func behindPagerAndSearch() {
        var state = ArticleListScreenTests.openList()
        state.press("j")
        _ = state.press("Enter")
        let effects = state.update(.storeChanged)
        #expect(effects.count == 2)
        #expect(state.screenKind == .article, "the pager stays on top")

        var search = Fixture.reader()
        search.press("/")
        search.type("québec")
        let id = AppState.requestID(in: search.press("Enter"))!
        _ = search.update(.searchLoaded(requestID: id, Fixture.page.map { SearchHit(article: $0, snippet: []) }))
        search.press("j", "j")
        let again = search.update(.storeChanged)
        guard case .search(let next, "québec", nil, 200)? = again.last else {
            Issue.record("no search: \(again)")
            return
        }
        _ = search.update(.searchLoaded(requestID: next, Array(Fixture.page[1...]).map { SearchHit(article: $0, snippet: []) }))
        #expect(search.lines.last?.hasSuffix("2/2") == true, "still on Lévis")
    }

    @Test("The feed list keeps the selected feed when a feed is added above it")
    func feedListSelection() {
        var state = Fixture.reader()
        state.press("j", "j", "j")
        #expect(state.lines.last?.hasSuffix("4/5") == true, "Web à Québec")
        let added = FeedSummary(id: FeedID(9), url: "https://nouveau.example/feed", title: "Nouveau flux", tags: [],
                                unreadCount: 5, totalCount: 5, fetch: Fixture.fetched)
        _ = state.update(.feedsLoaded([added] + Fixture.feeds))
        #expect(state.lines.last?.hasSuffix("5/6") == true, "still Web à Québec, one row lower")
        #expect(state.press("Enter") == [.loadArticles(requestID: 1, ArticleQuery(source: .feed(FeedID(2)), unreadOnly: false,
                                                                                  after: nil, limit: 200))])
    }
}
