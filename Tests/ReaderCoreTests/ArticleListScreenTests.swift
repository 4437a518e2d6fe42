import FeedModel
import ReaderCore
import ScreenKit
import Testing

@Suite("Article list screen")
struct ArticleListScreenTests {
    /// The fixture reader with Québec numérique's list open and its first page loaded.
    static func openList(width: Int = 60, height: Int = 10, page: [ArticleSummary] = Fixture.page,
                         isLast: Bool = true) -> AppState {
        var state = Fixture.reader(width: width, height: height)
        let id = AppState.requestID(in: state.press("j", "j", "Enter"))!
        _ = state.update(.articlesLoaded(requestID: id, page, isLast: isLast))
        return state
    }

    @Test("Rows show unread and starred marks, the date and the title, newest first")
    func rows() {
        let state = Self.openList()
        #expect(state.lines == [
            "qnread — Québec numérique                  2 unread, 3 total",
            "N  Nov 30 L’hiver arrive à Québec",
            " * Nov 29 « Les données ouvertes » en région",
            "N  Nov 28 Rencontre des développeurs de Lévis",
            "",
            "",
            "",
            "",
            "",
            "q:Back Enter:Open n:Next unread /:Search ?:Help          1/3",
        ])
    }

    @Test("Unread rows are bold, read rows are not, the star uses the starred style")
    func styles() {
        var state = Self.openList()
        state.press("j", "j")
        let canvas = state.render()
        let theme = Theme.builtIn
        #expect(canvas[14, 1].style == theme.style(.unread))
        #expect(canvas[14, 2].style == theme.style(.read))
        #expect(!canvas[14, 2].style.attributes.contains(.bold))
        #expect(canvas[1, 2].style == theme.style(.starred))
        #expect(canvas[14, 3].style == theme.style(.selected).over(theme.style(.unread)))
    }

    @Test("The merged list shows each article's feed")
    func mergedList() {
        var state = Fixture.reader(width: 100)
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.articlesLoaded(requestID: id, [
            Fixture.summary(11, "L’hiver arrive à Québec"),
            Fixture.summary(21, "Atelier CSS", feed: Fixture.web, date: "2026-11-27T08:00:00Z"),
        ], isLast: true))
        #expect(Array(state.lines[0...2]) == [
            "qnread — All articles                                                                       3 unread",
            "N  Nov 30 Québec numérique   L’hiver arrive à Québec",
            "N  Nov 27 Web à Québec       Atelier CSS",
        ])
    }

    @Test("Pages load on demand: moving near the end asks for the rows after the last one loaded")
    func paging() {
        let page = (0..<10).map { Fixture.summary(Int64(100 - $0), "Article \($0)",
                                                  date: "2026-11-\(30 - $0)T10:00:00Z") }
        var state = Self.openList(height: 6, page: Array(page.prefix(8)), isLast: false)
        var effects = state.press("j")
        #expect(effects.isEmpty)
        effects = state.press("j", "j", "j")
        guard case .loadArticles(let id, let query)? = effects.first else {
            Issue.record("no page requested: \(effects)")
            return
        }
        #expect(query.after == ArticleCursor(after: page[7]))
        #expect(state.press("j").isEmpty, "a second request waits for the first")
        _ = state.update(.articlesLoaded(requestID: id, Array(page.suffix(2)), isLast: true))
        #expect(state.lines.last?.hasSuffix("6/10") == true)
        state.press("G")
        #expect(state.lines[4].hasSuffix("Article 9"))
    }

    @Test("An answer to an older request is dropped")
    func staleAnswer() {
        var state = Self.openList()
        state.press("q")
        let id = AppState.requestID(in: state.press("j", "Enter"))!
        _ = state.update(.articlesLoaded(requestID: id - 1, [Fixture.summary(99, "Ancien")], isLast: true))
        #expect(state.lines[1] == "  Loading…")
    }

    @Test("N toggles read and tells the store; s stars")
    func toggles() {
        var state = Self.openList()
        #expect(state.press("N") == [.setRead([ArticleID(11)], true)])
        #expect(state.lines[1].hasPrefix("   Nov 30"))
        #expect(state.press("s") == [.setStarred(ArticleID(11), true)])
        #expect(state.lines[1].hasPrefix(" * Nov 30"))
        #expect(state.update(.statusesChanged) == [.loadFeeds])
    }

    @Test("n selects the next unread row; p the previous one")
    func nextUnread() {
        var state = Self.openList()
        #expect(state.press("n").isEmpty)
        #expect(state.lines.last?.hasSuffix("3/3") == true)
        state.press("p")
        #expect(state.lines.last?.hasSuffix("1/3") == true)
        state.press("n", "n")
        #expect(state.lines.last?.hasPrefix("No more unread articles") == true)
    }

    // A marked at once while C asked: one stray key lost a feed's unread marks. Both ask now, as newsboat's do.
    @Test("A and C both ask first, and only y marks: the feed, or everything")
    func markRead() {
        var state = Self.openList()
        #expect(state.press("A").isEmpty)
        #expect(state.lines.last == "Mark every article of Québec numérique read? (y/n)")
        #expect(state.press("Escape").isEmpty)
        #expect(state.lines[1].hasPrefix("N  Nov 30"), "nothing marked yet")
        state.press("A")
        #expect(state.press("y") == [.markFeedRead(FeedID(1))])
        #expect(state.lines[1].hasPrefix("   Nov 30"))
        #expect(state.press("C").isEmpty)
        #expect(state.lines.last == "Mark every article in every feed read? (y/n)")
        #expect(state.press("n").isEmpty)
        #expect(state.lines.last?.hasPrefix("Nothing marked") == true)
        state.press("C")
        #expect(state.press("y") == [.markAllRead])
    }

    @Test("A on a list of several feeds asks to mark its loaded unread rows; on All articles, everything")
    func markMergedRead() {
        var starred = Fixture.reader()
        let id = AppState.requestID(in: starred.press("j", "Enter"))!
        _ = starred.update(.articlesLoaded(requestID: id, Fixture.page, isLast: true))
        starred.press("A")
        #expect(starred.lines.last == "Mark the 2 unread articles of Starred read? (y/n)")
        #expect(starred.press("y") == [.setRead([ArticleID(11), ArticleID(13)], true)])
        var all = Fixture.reader()
        all.press("A")
        #expect(all.lines.last == "Mark every article in every feed read? (y/n)")
        #expect(all.press("y") == [.markAllRead])
    }

    @Test("o opens the selected article's link in the browser")
    func openInBrowser() {
        var state = Self.openList()
        #expect(state.press("j", "o") == [.openURL("https://quebec.example/12")])
    }

    @Test("l reloads the list with unread articles only")
    func hideRead() {
        var state = Self.openList()
        let effects = state.press("l")
        guard case .loadArticles(_, let query)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(query.unreadOnly)
        #expect(query.source == .feed(FeedID(1)))
    }

    @Test("Enter opens the article in the pager; q comes back to the same row")
    func openAndBack() {
        var state = Self.openList()
        let effects = state.press("j", "Enter")
        #expect(effects == [.loadArticle(requestID: AppState.requestID(in: effects)!, ArticleID(12))])
        #expect(state.screenKind == .article)
        state.press("q")
        #expect(state.screenKind == .articles)
        #expect(state.lines.last?.hasSuffix("2/3") == true)
    }
}
