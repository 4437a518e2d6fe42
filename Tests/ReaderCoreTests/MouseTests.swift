import ReaderCore
import ScreenKit
import Testing

@Suite("Mouse")
struct MouseTests {
    @Test("A click selects the row under it; a double click opens it")
    func clicks() {
        var state = Fixture.reader()
        #expect(state.update(.mouse(MouseEvent(.click, x: 5, y: 4))).isEmpty)
        #expect(state.lines.last?.hasSuffix("4/5") == true)
        let effects = state.update(.mouse(MouseEvent(.doubleClick, x: 5, y: 3)))
        guard case .loadArticles(_, let query)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(query.source == .feed(Fixture.quebec.id))
    }

    @Test("The wheel scrolls; clicks outside the rows do nothing")
    func wheel() {
        var state = Fixture.reader()
        _ = state.update(.mouse(MouseEvent(.wheelDown, x: 0, y: 2)))
        #expect(state.lines.last?.hasSuffix("4/5") == true)
        _ = state.update(.mouse(MouseEvent(.wheelUp, x: 0, y: 2)))
        #expect(state.lines.last?.hasSuffix("1/5") == true)
        #expect(state.update(.mouse(MouseEvent(.click, x: 0, y: 8))).isEmpty)
        #expect(state.lines.last?.hasSuffix("1/5") == true)
    }

    @Test("With double_click_opens off a double click only selects; with mouse off nothing happens")
    func switchedOff() {
        var settings = Settings()
        settings.doubleClickOpens = false
        var state = Fixture.reader(settings: settings)
        #expect(state.update(.mouse(MouseEvent(.doubleClick, x: 5, y: 3))).isEmpty)
        #expect(state.lines.last?.hasSuffix("3/5") == true)
        settings.mouse = false
        var off = Fixture.reader(settings: settings)
        _ = off.update(.mouse(MouseEvent(.click, x: 5, y: 3)))
        #expect(off.lines.last?.hasSuffix("1/5") == true)
    }
}
