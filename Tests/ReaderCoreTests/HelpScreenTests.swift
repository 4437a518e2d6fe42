import ReaderCore
import ScreenKit
import Testing

@Suite("Help screen")
struct HelpScreenTests {
    @Test("? lists the bindings of the screen it was opened from, from the action table")
    func feedListHelp() {
        var state = Fixture.reader(width: 70, height: 12)
        state.press("?")
        #expect(state.screenKind == .help)
        #expect(state.lines == [
            "qnread — Help: Feed list                                      q closes",
            "Keys — Feed list",
            "",
            "  j, Down     down             Move down one line",
            "  k, Up       up               Move up one line",
            "  PgDn, Space page-down        Page down",
            "  PgUp, b     page-up          Page up",
            "  C-d         half-page-down   Half a page down",
            "  C-u         half-page-up     Half a page up",
            "  g, Home     top              Go to the top",
            "  G, End      bottom           Go to the end",
            "q:Back",
        ])
        state.press("G")
        #expect(state.lines[10] == "  C-l         redraw           Redraw the screen")
        state.press("q")
        #expect(state.screenKind == .feeds)
    }

    @Test("Help in the pager lists pager actions and no list-only ones")
    func pagerHelp() {
        var (state, _) = PagerScreenTests.openArticle(height: 40)
        state.press("?")
        let text = state.lines.joined(separator: "\n")
        #expect(text.contains("  u           show-links"))
        #expect(text.contains("  #           open-link"))
        #expect(!text.contains("filter-tag"))
        #expect(text.contains("A number then Enter opens that link."))
    }

    @Test("Help follows the keymap: a rebound key shows under its new action")
    func customBindings() {
        var keymap = Keymap.defaults
        keymap.bind(KeyEvent.sequence(named: "x")!, to: [.toggleRead, .down], in: .articles)
        keymap.bind(KeyEvent.sequence(named: "j")!, to: [], in: nil)
        var state = ArticleListScreenTests.openList(height: 40)
        state.keymap = keymap
        state.press("?")
        let text = state.lines.joined(separator: "\n")
        #expect(text.contains("\n  Down        down              Move down one line"))
        #expect(text.contains("  x           toggle-read, down Toggle read/unread, then Mov"), "cut at 60 columns")
    }
}
