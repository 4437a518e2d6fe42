import FeedModel
import ReaderCore
import ScreenKit
import Testing

@Suite("Background reload")
struct ReloadTests {
    @Test("R starts a reload; progress shows in the status bar while keys keep working")
    func progress() {
        var state = Fixture.reader()
        #expect(state.press("R") == [.reload(nil)])
        #expect(state.lines.last?.hasSuffix("Reloading 0/3…  1/5") == true)
        #expect(state.update(.reloadProgress(ReloadProgress(done: 1, total: 3))) == [.loadFeeds])
        state.press("j")
        #expect(state.lines.last?.hasSuffix("Reloading 1/3…  2/5") == true)
        #expect(state.press("R").isEmpty, "one reload at a time")
        #expect(state.lines.last?.hasPrefix("Already reloading") == true)
        _ = state.update(.reloadFinished(ReloadProgress(done: 3, total: 3, failed: 1)))
        #expect(state.lines.last?.hasPrefix("Reloaded 3 feeds, 1 failed") == true)
        #expect(!(state.lines.last?.contains("Reloading") ?? true))
    }

    @Test("r reloads the selected feed only")
    func reloadOne() {
        var state = Fixture.reader()
        #expect(state.press("j", "j", "r") == [.reload([FeedID(1)])])
    }

    @Test("When a reload ends, a list read from its top is loaded again; a scrolled one keeps its place")
    func refreshList() {
        var state = ArticleListScreenTests.openList()
        state.press("R")
        let effects = state.update(.reloadFinished(ReloadProgress(done: 3, total: 3)))
        #expect(effects.count == 2 && effects[0] == .loadFeeds)
        guard case .loadArticles(_, let query) = effects[1] else { Issue.record("\(effects)"); return }
        #expect(query.source == .feed(FeedID(1)) && query.after == nil)
        var scrolled = ArticleListScreenTests.openList()
        scrolled.press("j", "R")
        #expect(scrolled.update(.reloadFinished(ReloadProgress(done: 3, total: 3))) == [.loadFeeds])
    }

    @Test("reload_every_minutes: a due reload starts one unless one is running")
    func periodic() {
        var state = Fixture.reader()
        #expect(state.update(.reloadDue) == [.reload(nil)])
        #expect(state.lines.last?.contains("Reloading 0/3…") == true)
        #expect(state.update(.reloadDue).isEmpty)
    }

    @Test("reload_on_start asks for a reload right after the first load")
    func onStart() {
        var settings = Settings()
        settings.reloadOnStart = true
        var state = AppState(size: Size(width: 40, height: 10), settings: settings)
        #expect(state.start() == [.loadFeeds, .reload(nil)])
    }
}

@Suite("New articles announced by the terminal")
struct TerminalNoticeTests {
    static var noticed: ReloadProgress {
        var progress = ReloadProgress(done: 3, total: 3)
        progress.newArticlesNotice = "12 nouveaux articles dans 3 fils"
        return progress
    }

    @Test("notify_terminal and notify_bell ask for the notification and the bell when a reload brought articles")
    func announced() {
        var state = Fixture.reader()
        state.settings.notifyTerminal = true
        state.settings.notifyBell = true
        #expect(state.update(.reloadFinished(Self.noticed)) ==
                [.notifyTerminal("12 nouveaux articles dans 3 fils", notification: true, bell: true), .loadFeeds])
        state.settings.notifyTerminal = false
        #expect(state.update(.reloadFinished(Self.noticed)) ==
                [.notifyTerminal("12 nouveaux articles dans 3 fils", notification: false, bell: true), .loadFeeds])
    }

    @Test("Nothing is announced without new articles, nor when neither setting is on")
    func silent() {
        var state = Fixture.reader()
        state.settings.notifyTerminal = true
        state.settings.notifyBell = true
        #expect(state.update(.reloadFinished(ReloadProgress(done: 3, total: 3))) == [.loadFeeds])
        var quiet = Fixture.reader()
        #expect(quiet.update(.reloadFinished(Self.noticed)) == [.loadFeeds])
    }
}
