import ScreenKit
import Testing

@Suite("Canvas")
struct CanvasTests {
    @Test("Text is written from a column and clipped at the edge and at maxWidth")
    func clipping() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.put("Québec numérique", x: 2, y: 0, style: .plain) == 8)
        #expect(canvas.put("« école »", x: 0, y: 1, style: .plain, maxWidth: 5) == 5)
        #expect(canvas.lines == ["  Québec n", "« éco"])
    }

    @Test("Control characters and bidi overrides from feeds never reach a cell")
    func hostileText() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("a\u{1B}[31mb\u{202E}c\u{0007}d\u{85}e", x: 0, y: 0, style: .plain)
        #expect(canvas.lines == ["a[31mbcde"])
        #expect(ScreenText.sanitized("x\u{2066}y\tz\u{9B}") == "xy z")
    }

    @Test("Writing over half of a wide character blanks its other half")
    func wideOverwrite() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("abcdef", x: 0, y: 0, style: .plain)
        let wide = "\u{1F600}"
        guard DisplayWidth.of(Character(wide)) == 2 else { return }  // needs the real width table (branch text)
        canvas.put(wide, x: 1, y: 0, style: .plain)
        #expect(canvas[2, 0].isWideTail)
        canvas.put("X", x: 2, y: 0, style: .plain)
        #expect(canvas.lines == ["a Xdef"])
    }

    @Test("Styles are kept per cell")
    func styles() {
        var canvas = Canvas(width: 4, height: 1)
        let bold = Style(attributes: .bold)
        canvas.put("ab", x: 1, y: 0, style: bold)
        #expect(canvas[0, 0].style == .plain)
        #expect(canvas[1, 0].style == bold && canvas[2, 0].style == bold)
    }

    // Under NO_COLOR the default theme's selected row (black on cyan) was drawn like every other row.
    @Test("Without colour, a style with a background is reverse video; one without keeps its attributes")
    func withoutColor() {
        let selected = Style(foreground: .ansi(0), background: .ansi(6))
        #expect(selected.withoutColor == Style(attributes: .reverse))
        let match = Style(foreground: .ansi(0), background: .indexed(220), attributes: .bold)
        #expect(match.withoutColor == Style(attributes: [.bold, .reverse]))
        #expect(Style(foreground: .ansi(1), attributes: .underline).withoutColor == Style(attributes: .underline))
    }
}

@Suite("CanvasDiff")
struct CanvasDiffTests {
    @Test("With no previous frame every cell is drawn, in runs of one style")
    func fullFrame() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.put("ab", x: 0, y: 0, style: Style(attributes: .bold))
        let runs = CanvasDiff.runs(from: nil, to: canvas)
        #expect(runs == [CellRun(x: 0, y: 0, style: Style(attributes: .bold), text: "ab", width: 2),
                         CellRun(x: 2, y: 0, style: .plain, text: "   ", width: 3)])
    }

    @Test("Only changed cells are sent")
    func changesOnly() {
        var old = Canvas(width: 10, height: 2)
        old.put("Québec", x: 0, y: 0, style: .plain)
        var new = old
        new.put("Lévis", x: 0, y: 1, style: .plain)
        new.put("Q", x: 0, y: 0, style: .plain)
        #expect(CanvasDiff.runs(from: old, to: new) == [CellRun(x: 0, y: 1, style: .plain, text: "Lévis", width: 5)])
        #expect(CanvasDiff.runs(from: new, to: new).isEmpty)
    }

    @Test("A size change redraws everything")
    func resized() {
        let old = Canvas(width: 3, height: 1)
        let new = Canvas(width: 4, height: 1)
        #expect(CanvasDiff.runs(from: old, to: new).map(\.width).reduce(0, +) == 4)
    }
}

@Suite("Colours")
struct ColorTests {
    @Test("Colour names read as the eight ANSI colours, colorN and #rrggbb")
    func names() {
        #expect(Color(name: "red") == .ansi(1))
        #expect(Color(name: "color208") == .indexed(208))
        #expect(Color(name: "#ff8800") == .rgb(255, 136, 0))
        #expect(Color(name: "color256") == nil)
        #expect(Color(name: "rouge") == nil)
    }

    @Test("256 and truecolour degrade to what the terminal has; no colour means none")
    func degrade() {
        #expect(Color.rgb(220, 50, 47).paletteIndex(for: .eight) == 1)
        #expect(Color.rgb(0, 43, 54).paletteIndex(for: .palette256) == 234, "the nearest grey beats the nearest cube colour")
        #expect(Color.indexed(196).paletteIndex(for: .eight) == 1)
        #expect(Color.indexed(196).paletteIndex(for: .palette256) == 196)
        #expect(Color.ansi(4).paletteIndex(for: .none) == nil)
    }
}
