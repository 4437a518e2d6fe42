import ReaderCore
import ScreenKit
import Testing

@Suite("Resize and tiny terminals")
struct ResizeTests {
    /// One state per screen, to draw at every size.
    static var everyScreen: [AppState] {
        var feeds = Fixture.reader()
        var list = ArticleListScreenTests.openList()
        var (pager, _) = PagerScreenTests.openArticle()
        var help = Fixture.reader()
        help.press("?")
        var prompt = Fixture.reader()
        prompt.press("/")
        prompt.type("québec")
        var confirm = list
        confirm.press("C")
        var loading = Fixture.reader()
        loading.press("Enter")
        feeds.press("G")
        list.press("G")
        pager.press("G")
        return [feeds, list, pager, help, prompt, confirm, loading]
    }

    @Test("Every screen draws at every size from 0×0 to 24×7 without crashing, within its bounds")
    func tinySizes() {
        for base in Self.everyScreen {
            for width in [0, 1, 2, 3, 5, 8, 13, 20, 24] {
                for height in 0...7 {
                    var state = base
                    _ = state.update(.resize(Size(width: width, height: height)))
                    let canvas = state.render()
                    #expect(canvas.width == width && canvas.height == height)
                    for line in canvas.lines { #expect(DisplayWidth.of(line) <= width) }
                    state.press("j")
                    state.press("k")
                    _ = state.render()
                }
            }
        }
    }

    @Test("At 20×5 the feed list still shows its title, rows and status")
    func twentyByFive() {
        var state = Fixture.reader()
        _ = state.update(.resize(Size(width: 20, height: 5)))
        #expect(state.lines == [
            "qnread — F… 3 unread",
            "  All articles  3/44",
            "  Starred",
            "  Québec numér…  2/3",
            "q:Quit Enter:Op… 1/5",
        ])
    }

    @Test("Shrinking keeps the selection on screen; growing shows more rows")
    func keepsSelection() {
        var state = Fixture.reader(height: 10)
        state.press("G")
        _ = state.update(.resize(Size(width: 40, height: 4)))
        #expect(state.lines[2].hasPrefix("! Montréal JS"))
        _ = state.update(.resize(Size(width: 40, height: 10)))
        #expect(state.lines[1].hasPrefix("  All articles"))
        #expect(state.lines[5].hasPrefix("! Montréal JS"))
    }

    @Test("The pager lays the article out again for the new width")
    func pagerRelayout() {
        var (state, _) = PagerScreenTests.openArticle()
        _ = state.update(.resize(Size(width: 16, height: 12)))
        // The title wraps at the new width instead of being cut.
        #expect(Array(state.lines[1...2]) == ["L’hiver arrive à", "Québec"])
        _ = state.update(.resize(Size(width: 60, height: 12)))
        #expect(state.lines[1] == "L’hiver arrive à Québec")
    }
}
