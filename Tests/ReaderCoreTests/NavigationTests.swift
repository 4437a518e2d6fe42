import FeedModel
import ReaderCore
import ScreenKit
import Testing

// Moving between articles and feeds without going back to a list: J/K, ] and [, and n across feeds.

@Suite("Article and feed navigation")
struct NavigationTests {
    @Test("J and K move down and up the list like j and k")
    func nextArticleInList() {
        var state = ArticleListScreenTests.openList()
        state.press("J")
        #expect(state.lines.last?.hasSuffix("2/3") == true)
        state.press("K")
        #expect(state.lines.last?.hasSuffix("1/3") == true)
    }

    @Test("J in the pager opens the next article of the list, read or not, and K the previous one")
    func nextArticleInPager() {
        var (state, _) = PagerScreenTests.openArticle()
        let next = state.press("J")
        #expect(next == [.loadArticle(requestID: AppState.requestID(in: next)!, ArticleID(12))],
                "the read article 12 is next: J does not skip read ones")
        _ = state.update(.articleLoaded(requestID: AppState.requestID(in: next)!, Fixture.article(Fixture.page[1])))
        #expect(state.lines[1] == "« Les données ouvertes » en région")
        let back = state.press("K")
        #expect(back == [.loadArticle(requestID: AppState.requestID(in: back)!, ArticleID(11))])
        _ = state.update(.articleLoaded(requestID: AppState.requestID(in: back)!, Fixture.article(Fixture.page[0])))
        #expect(state.press("K").isEmpty)
        #expect(state.lines.last?.hasPrefix("This is the first article") == true)
        state.press("q")
        #expect(state.lines.last?.hasSuffix("1/3") == true, "the list behind follows")
    }

    @Test("J at the last loaded row of an unfinished list says more is loading")
    func nextArticleLoading() {
        var state = ArticleListScreenTests.openList(page: Array(Fixture.page.prefix(1)), isLast: false)
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.articleLoaded(requestID: id, Fixture.article(Fixture.page[0])))
        #expect(state.press("J").isEmpty)
        #expect(state.lines.last?.hasPrefix("Loading more articles…") == true)
    }

    @Test("] opens the next feed's list and [ the previous one, following the feed list's selection")
    func nextFeed() {
        var state = ArticleListScreenTests.openList()
        let next = state.press("]")
        guard case .loadArticles(_, let query)? = next.first else { Issue.record("\(next)"); return }
        #expect(query.source == .feed(FeedID(2)))
        #expect(state.lines[0].hasPrefix("qnread — Web à Québec"))
        let previous = state.press("[")
        guard case .loadArticles(_, let back)? = previous.first else { Issue.record("\(previous)"); return }
        #expect(back.source == .feed(FeedID(1)))
        #expect(state.press("[").isEmpty)
        #expect(state.lines.last?.hasPrefix("This is the first feed") == true)
        state.press("q")
        #expect(state.screenKind == .feeds)
        #expect(state.lines.last?.hasSuffix("3/5") == true, "the feed list selects the feed that was open")
    }

    @Test("] in the pager leaves the article for the next feed's list")
    func nextFeedFromPager() {
        var (state, _) = PagerScreenTests.openArticle()
        let effects = state.press("]")
        guard case .loadArticles(_, let query)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(query.source == .feed(FeedID(2)))
        #expect(state.screenKind == .articles)
        state.press("q")
        #expect(state.screenKind == .feeds)
    }

    // q after n had crossed into Montréal JS went back to Québec numérique's list, which no longer held the article.
    @Test("q after n crossed into another feed goes back to that feed's list, the article selected")
    func unreadAcrossFeeds() {
        var (state, _) = PagerScreenTests.openArticle(2)
        let ask = state.press("n")
        guard case .findUnread(let request, _)? = ask.first else { Issue.record("\(ask)"); return }
        let other = Fixture.summary(31, "Meetup JavaScript à Montréal", feed: Fixture.broken)
        let opened = state.update(.unreadFound(requestID: request, other))
        guard case .loadArticles(let listRequest, let query)? = opened.first else { Issue.record("\(opened)"); return }
        #expect(query.source == .feed(FeedID(3)))
        #expect(opened.last == .loadArticle(requestID: AppState.requestID(in: opened)!, ArticleID(31)))
        let older = Fixture.summary(30, "Archives", feed: Fixture.broken, date: "2026-11-01T10:00:00Z")
        _ = state.update(.articlesLoaded(requestID: listRequest, [older, other], isLast: true))
        state.press("q")
        #expect(state.lines[0].hasPrefix("qnread — Montréal JS"))
        #expect(state.lines.last?.hasSuffix("2/2") == true, "the article n opened is selected")
        state.press("q")
        #expect(state.lines.last?.hasSuffix("5/5") == true, "the feed list follows too")
    }

    @Test("The article to select is looked for page after page until it arrives")
    func pendingSelectionLoadsMore() {
        var (state, _) = PagerScreenTests.openArticle(2)
        let ask = state.press("n")
        guard case .findUnread(let request, _)? = ask.first else { Issue.record("\(ask)"); return }
        let other = Fixture.summary(31, "Meetup JavaScript à Montréal", feed: Fixture.broken, date: "2026-10-01T10:00:00Z")
        let opened = state.update(.unreadFound(requestID: request, other))
        guard case .loadArticles(let listRequest, _)? = opened.first else { Issue.record("\(opened)"); return }
        let newer = Fixture.summary(32, "Plus récent", feed: Fixture.broken, read: true)
        let more = state.update(.articlesLoaded(requestID: listRequest, [newer], isLast: false))
        guard case .loadArticles(_, let next)? = more.first else { Issue.record("no next page: \(more)"); return }
        #expect(next.after == ArticleCursor(after: newer))
    }
}
