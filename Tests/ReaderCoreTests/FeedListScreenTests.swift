import FeedModel
import ReaderCore
import ScreenKit
import Testing

@Suite("Feed list screen")
struct FeedListScreenTests {
    @Test("Lists the merged entries, then each feed with tags and unread/total, and a mark on failing feeds")
    func feedRows() {
        let state = Fixture.reader()
        #expect(state.lines == [
            "qnread — Feeds                                      3 unread",
            "  All articles                                          3/44",
            "  Starred",
            "  Québec numérique  #quebec #tech                        2/3",
            "  Web à Québec  #web                                    0/40",
            "! Montréal JS  #web                                      1/1",
            "",
            "",
            "",
            "q:Quit Enter:Open n:Next unread /:Search ?:Help          1/5",
        ])
    }

    // A first run shows the bundled demo feed and nothing else fetched: nothing said how to fetch the rest.
    @Test("While some feed has never been fetched, the status line says which key fetches")
    func neverFetched() {
        var state = AppState(size: Size(width: 60, height: 6))
        _ = state.update(.feedsLoaded([Fixture.quebec, FeedSummary(id: FeedID(7), url: "https://a.example/feed",
                                                                   title: "Nouveau", unreadCount: 0, totalCount: 0)]))
        #expect(state.lines.last == "1 feed never fetched: press R to fetch                   1/4")
        // A query feed is never fetched, and nothing needs fetching for it.
        _ = state.update(.feedsLoaded([Fixture.quebec, FeedSummary(id: FeedID(8), url: #"query:Lus:unread = "no""#,
                                                                   title: "Lus", unreadCount: 0, totalCount: 0, isQuery: true)]))
        #expect(state.lines.last?.hasPrefix("q:Quit") == true)
        _ = state.update(.feedsLoaded([Fixture.quebec, FeedSummary(id: FeedID(7), url: "https://a.example/feed",
                                                                   title: "Nouveau", unreadCount: 0, totalCount: 0)]))
        state.press("R")
        #expect(state.lines.last?.hasPrefix("q:Quit") == true, "not while a reload runs")
    }

    // A query feed shows articles of the other feeds: its own counts, but adding them to "All articles" would
    // count those articles twice.
    @Test("A query feed shows its counts and opens like a feed; All articles does not count it again; r reloads all")
    func queryFeedRow() {
        var state = Fixture.reader()
        let query = FeedSummary(id: FeedID(9), url: #"query:Non lus Québec:tags # "quebec""#, title: "Non lus Québec",
                                tags: ["quebec"], unreadCount: 2, totalCount: 3, isQuery: true)
        _ = state.update(.feedsLoaded(Fixture.feeds + [query]))
        #expect(Array(state.lines[0...6]) == [
            "qnread — Feeds                                      3 unread",
            "  All articles                                          3/44",
            "  Starred",
            "  Québec numérique  #quebec #tech                        2/3",
            "  Web à Québec  #web                                    0/40",
            "! Montréal JS  #web                                      1/1",
            "  Non lus Québec  #quebec                                2/3",
        ])
        state.press("G")
        #expect(state.press("r") == [.reload(nil)], "its articles come from every feed")
        let effects = state.press("Enter")
        guard case .loadArticles(_, let request)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(request.source == .feed(FeedID(9)))
    }

    @Test("Feeds with unread articles are bold, the selected row uses the selected style")
    func styles() {
        var state = Fixture.reader()
        state.press("j", "j")
        let canvas = state.render()
        let theme = Theme.builtIn
        #expect(canvas[2, 3].style == theme.style(.selected).over(theme.style(.unread)))
        #expect(canvas[2, 4].style == theme.style(.read))
        #expect(canvas[2, 3].style.attributes.contains(.bold))
        #expect(canvas[0, 5].style == theme.style(.error))
    }

    @Test("E shows the last fetch error of the selected feed in the status bar")
    func errorOnDemand() {
        var state = Fixture.reader()
        state.press("G", "E")
        #expect(state.lines.last == "Montréal JS: HTTP 404 Not Found                          5/5")
        #expect(state.render()[0, 9].style == Theme.builtIn.style(.error).over(Theme.builtIn.style(.status)))
        state.press("k", "E")
        #expect(state.lines.last?.hasPrefix("Web à Québec: last fetch succeeded") == true)
    }

    // t cycled through the tags one by one: with ten tags, the one wanted was ten key presses away.
    @Test("t lists the tags with their feeds' unread/total counts; Enter on one shows only its feeds")
    func tagChooser() {
        var state = Fixture.reader()
        state.press("t")
        #expect(state.screenKind == .tags)
        #expect(state.lines == [
            "qnread — Tags                 Enter shows the feeds of a tag",
            "• All feeds                                             3/44",
            "  #quebec                                                2/3",
            "  #tech                                                  2/3",
            "  #web                                                  1/41",
            "",
            "",
            "",
            "",
            "q:Back Enter:Open ?:Help                                 1/4",
        ])
        state.press("j", "Enter")
        #expect(state.screenKind == .feeds)
        #expect(state.lines[0].hasPrefix("qnread — Feeds · tag quebec"))
        #expect(Array(state.lines[1...4]) == [
            "  All articles #quebec                                   2/3",
            "  Starred",
            "  Québec numérique  #quebec #tech                        2/3",
            "",
        ])
        let effects = state.press("Enter")
        guard case .loadArticles(_, let query)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(query.source == .tag("quebec"), "All articles opens the tagged feeds only")
        state.press("q", "t")
        #expect(state.lines[2].hasPrefix("• #quebec"), "the chooser opens on the tag in effect")
        state.press("G", "Enter")
        #expect(Array(state.lines[3...4]) == [
            "  Web à Québec  #web                                    0/40",
            "! Montréal JS  #web                                      1/1",
        ])
        state.press("t", "g", "Enter")
        #expect(state.lines[0].hasPrefix("qnread — Feeds  "))
        #expect(state.lines[5].hasPrefix("! Montréal JS"))
        var closed = Fixture.reader()
        closed.press("t", "j", "q")
        #expect(closed.screenKind == .feeds && closed.tagFilter == nil, "q leaves the filter as it was")
    }

    @Test("l hides feeds with nothing unread, and shows them again")
    func showRead() {
        var state = Fixture.reader()
        state.press("l")
        #expect(!state.lines.contains { $0.contains("Web à Québec") })
        #expect(state.lines.last?.hasPrefix("Hiding read items") == true)
        state.press("l")
        #expect(state.lines.contains { $0.contains("Web à Québec") })
    }

    @Test("A long title is cut at a grapheme with an ellipsis, and the counts keep their column")
    func longTitle() {
        var state = AppState(size: Size(width: 30, height: 5))
        let long = FeedSummary(id: FeedID(9), url: "https://x.example", title: "Les conférences de l’Université Laval à Québec",
                               unreadCount: 12, totalCount: 340)
        _ = state.update(.feedsLoaded([long]))
        #expect(state.lines[3] == "  Les conférences de l… 12/340")
    }

    @Test("Enter on a feed opens its article list and asks the store for the first page")
    func openFeed() {
        var state = Fixture.reader()
        let effects = state.press("j", "j", "Enter")
        let id = AppState.requestID(in: effects)!
        #expect(effects == [.loadArticles(requestID: id, ArticleQuery(source: .feed(FeedID(1)), unreadOnly: false,
                                                                      after: nil, limit: 200))])
        #expect(state.screenKind == .articles)
        #expect(state.lines[0].hasPrefix("qnread — Québec numérique"))
        #expect(state.lines[1] == "  Loading…")
    }

    @Test("n opens the next feed with unread articles")
    func nextUnreadFeed() {
        var state = Fixture.reader()
        state.press("j", "j", "j")
        let effects = state.press("n")
        guard case .loadArticles(_, let query)? = effects.first else { Issue.record("no load: \(effects)"); return }
        #expect(query.source == .feed(FeedID(3)))
    }

    // o opened the feed's own URL: a browser shows the XML as markup, or downloads it.
    @Test("o on a feed opens its site; a feed that names none says so")
    func openSite() {
        var state = Fixture.reader()
        #expect(state.press("j", "j", "o") == [.openURL("https://quebec.example/")])
        #expect(state.press("j", "o").isEmpty)
        #expect(state.lines.last?.hasPrefix("Web à Québec names no site") == true)
    }

    @Test("q on the feed list quits; Q quits from anywhere")
    func quit() {
        var state = Fixture.reader()
        #expect(state.press("q") == [.quit])
        #expect(!state.isRunning)
        var deep = Fixture.reader()
        deep.press("Enter")
        #expect(deep.press("Q") == [.quit])
    }
}
