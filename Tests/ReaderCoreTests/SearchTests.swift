import FeedModel
import ReaderCore
import ScreenKit
import Testing

@Suite("Search")
struct SearchTests {
    static let hit = SearchHit(article: Fixture.summary(11, "L’hiver arrive à Québec"),
                               snippet: [SnippetSegment("…la ville de "), SnippetSegment("Québec", isMatch: true),
                                         SnippetSegment(" sous la neige…")])

    @Test("/ opens a prompt; Enter searches every feed from the feed list")
    func searchEverywhere() {
        var state = Fixture.reader()
        state.press("/")
        #expect(state.lines.last == "Search:")
        state.type("quebec")
        #expect(state.lines.last == "Search: quebec")
        #expect(state.render().cursor == Point(x: 14, y: 9))
        let effects = state.press("Enter")
        #expect(effects == [.search(requestID: AppState.requestID(in: effects)!, query: "quebec", feed: nil, limit: 200)])
        #expect(state.screenKind == .search)
    }

    @Test("A search from a feed's article list stays inside that feed")
    func searchInFeed() {
        var state = ArticleListScreenTests.openList()
        state.press("/")
        state.type("lévis")
        let effects = state.press("Enter")
        #expect(effects == [.search(requestID: AppState.requestID(in: effects)!, query: "lévis", feed: FeedID(1), limit: 200)])
        #expect(state.lines[0].hasPrefix("qnread — Search “lévis” in Québec numérique"))
    }

    @Test("Results list the article with its snippet, the match highlighted")
    func results() {
        var state = Fixture.reader(width: 100)
        state.press("/")
        state.type("quebec")
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.searchLoaded(requestID: id, [Self.hit]))
        #expect(state.lines[1] == "N  Nov 30 Québec numérique   L’hiver arrive à Québec  …la ville de Québec sous la neige…")
        #expect(state.lines.last?.hasPrefix("1 found") == true)
        let canvas = state.render()
        let matchX = state.lines[1].distance(from: state.lines[1].startIndex,
                                             to: state.lines[1].range(of: "Québec sous")!.lowerBound)
        #expect(canvas[matchX, 1].style == Theme.builtIn.style(.selected).over(Theme.builtIn.style(.match)))
        #expect(canvas[matchX - 2, 1].style == Theme.builtIn.style(.selected).over(Theme.builtIn.style(.dim)))
    }

    @Test("Esc leaves the prompt without searching; editing keys work")
    func editing() {
        var state = Fixture.reader()
        state.press("/")
        state.type("quebxc")
        state.press("Left", "Backspace")
        state.type("e")
        #expect(state.lines.last == "Search: quebec")
        #expect(state.press("Esc").isEmpty)
        #expect(state.screenKind == .feeds)
        #expect(state.lines.last?.hasPrefix("q:Quit") == true)
    }

    @Test("No result says so")
    func empty() {
        var state = Fixture.reader()
        state.press("/")
        state.type("zzz")
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.searchLoaded(requestID: id, []))
        #expect(state.lines[1] == "  No articles")
        #expect(state.lines.last?.hasPrefix("No article matches") == true)
    }
}
