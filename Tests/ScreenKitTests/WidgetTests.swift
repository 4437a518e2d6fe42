import ScreenKit
import Testing

@Suite("Widgets")
struct WidgetTests {
    @Test("A list scrolls the least needed to keep the selection in view")
    func listScroll() {
        var state = ListState()
        state.select(7, count: 10, height: 4)
        #expect(state == ListState(selection: 7, offset: 4))
        state.move(by: -5, count: 10, height: 4)
        #expect(state == ListState(selection: 2, offset: 2))
        state.move(by: 100, count: 10, height: 4)
        #expect(state == ListState(selection: 9, offset: 6))
        state.scrollToSelection(count: 3, height: 4)
        #expect(state == ListState(selection: 2, offset: 0))
    }

    @Test("The list widget draws visible rows and maps a click back to its row")
    func listDraw() {
        var canvas = Canvas(width: 8, height: 3)
        let rows = ["un", "deux", "trois", "quatre"]
        let state = ListState(selection: 2, offset: 1)
        let rect = Rect(x: 0, y: 1, width: 8, height: 2)
        ListWidget.draw(count: rows.count, state: state, in: rect, on: &canvas, background: .plain,
                        selected: Style(attributes: .reverse)) { index, row, _, canvas in
            canvas.put(rows[index], x: row.x, y: row.y, style: canvas[row.x, row.y].style)
        }
        #expect(canvas.lines == ["", "deux", "trois"])
        #expect(canvas[7, 2].style.attributes.contains(.reverse))
        #expect(ListWidget.index(atScreenRow: 2, state: state, in: rect, count: rows.count) == 2)
        #expect(ListWidget.index(atScreenRow: 0, state: state, in: rect, count: rows.count) == nil)
    }

    @Test("The status bar keeps the right part and cuts the left one with an ellipsis")
    func statusBar() {
        var canvas = Canvas(width: 24, height: 1)
        StatusBar.draw(left: "Actualisation des fils en cours", right: "12/40", in: Rect(x: 0, y: 0, width: 24, height: 1),
                       on: &canvas, style: .plain)
        #expect(canvas.lines == ["Actualisation des… 12/40"])
    }

    @Test("The line editor inserts, deletes and moves by character, and Enter submits")
    func lineEditor() {
        var editor = LineEditor()
        for c in "Quebec" { _ = editor.handle(.character(c)) }
        for _ in 0..<4 { _ = editor.handle(KeyEvent(.left)) }
        _ = editor.handle(KeyEvent(.delete))
        _ = editor.handle(.character("é"))
        #expect(editor.text == "Québec")
        #expect(editor.cursor == 3)
        _ = editor.handle(KeyEvent.control("u"))
        #expect(editor.text.isEmpty)
        #expect(editor.handle(KeyEvent(.enter)) == .submitted)
        #expect(editor.handle(KeyEvent(.escape)) == .cancelled)
    }

    @Test("A prompt scrolls its text so the cursor stays visible")
    func promptScroll() {
        var canvas = Canvas(width: 12, height: 1)
        let editor = LineEditor("développeurs")
        let cursor = PromptLine.draw(prompt: "/", editor: editor, in: Rect(x: 0, y: 0, width: 12, height: 1),
                                     on: &canvas, style: .plain)
        #expect(canvas.lines == ["/veloppeurs"])
        #expect(cursor == Point(x: 11, y: 0))
    }
}
