import ScreenKit
import Testing

private func wrap(_ text: String, width: Int) -> [String] {
    LineWrapper(width: width).wrap([StyledSpan(text)]).map(\.text)
}

@Test("Words fill lines up to the width, spaces at the breaks are dropped")
func wordByWord() {
    #expect(wrap("la communauté numérique de Québec se réunit au Hub", width: 20) == [
        "la communauté",
        "numérique de Québec",
        "se réunit au Hub",
    ])
}

@Test("The space before » : ; ! ? % never breaks")
func noBreakBeforeClosingPunctuation() {
    for mark in ["»", ":", ";", "!", "?", "%"] {
        let lines = wrap("aaaa bbbb cccc \(mark) dddd", width: 14)
        #expect(lines.first == "aaaa bbbb", "before \(mark): \(lines)")
        #expect(lines.dropFirst().first == "cccc \(mark) dddd", "before \(mark): \(lines)")
    }
}

@Test("The space after « never breaks")
func noBreakAfterOpeningGuillemet() {
    let lines = wrap("il a dit « numérique » hier", width: 13)
    #expect(lines.allSatisfy { !$0.hasSuffix("«") })
    #expect(lines.allSatisfy { !$0.hasPrefix("»") })
    #expect(lines.joined(separator: " ") == "il a dit « numérique » hier")
}

@Test("No-break spaces U+00A0 and U+202F are kept and never broken")
func noBreakSpaces() {
    let lines = wrap("un rapport de 4,5\u{00A0}pour\u{00A0}1 dans l’ordre\u{202F}:", width: 12)
    #expect(lines.contains("4,5\u{00A0}pour\u{00A0}1"))
    #expect(lines.last == "l’ordre\u{202F}:")
}

@Test("A long word breaks after a hyphen or a slash when it does not fit")
func hyphenAndSlash() {
    #expect(wrap("voir https://exemple.qc.ca/ateliers/audit", width: 30) == [
        "voir https://exemple.qc.ca/",
        "ateliers/audit",
    ])
    #expect(wrap("le projet anticonstitutionnellement-parlant", width: 30) == [
        "le projet",
        "anticonstitutionnellement-",
        "parlant",
    ])
}

@Test("A line never ends in https:// ")
func noBreakAfterScheme() {
    let lines = wrap("le rapport est au https://donnees.example.qc.ca/rapport", width: 26)
    #expect(lines.allSatisfy { !$0.hasSuffix("//") })
}

@Test("A 300-character URL is cut into lines that fit, losing nothing")
func longURL() {
    let url = "https://donnees.example.qc.ca/" + String(repeating: "abcdefghij", count: 27)
    #expect(url.count == 300)
    for width in [20, 40, 80] {
        let lines = wrap(url, width: width)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(lines.joined() == url)
    }
}

@Test("A word longer than the line is cut between grapheme clusters, never inside one")
func clusterCut() {
    let word = String(repeating: "e\u{0301}", count: 12) + "🇨🇦🇨🇦"
    let lines = wrap(word, width: 5)
    #expect(lines.joined() == word)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
    #expect(lines[0] == String(repeating: "e\u{0301}", count: 5))
}

@Test("Wide characters wrap by columns, not by characters")
func wideWrap() {
    let lines = wrap("魁北克市 是 加拿大 的 城市", width: 8)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 8 })
    #expect(lines.first == "魁北克市")
}

@Test("Indentation carries onto continuation lines")
func continuationIndent() {
    let wrapper = LineWrapper(width: 20, firstPrefix: [StyledSpan("• ")], prefix: [StyledSpan("  ")])
    let lines = wrapper.wrap([StyledSpan("débrancher la souris pendant une heure")]).map(\.text)
    #expect(lines == ["• débrancher la", "  souris pendant une", "  heure"])
}

@Test("A newline in a span starts a new line; roles stay on their words")
func newlinesAndRoles() {
    let lines = LineWrapper(width: 40).wrap([
        StyledSpan("ligne un "), StyledSpan("gras", roles: [.strong]), StyledSpan("\nligne deux"),
    ])
    #expect(lines.map(\.text) == ["ligne un gras", "ligne deux"])
    #expect(lines[0].spans == [StyledSpan("ligne un "), StyledSpan("gras", roles: [.strong])])
}

@Test("A link and its number stay together")
func linkNumberGlued() {
    let lines = LineWrapper(width: 12).wrap([
        StyledSpan("voir le "), StyledSpan("site", roles: [.link]), StyledSpan("[12]", roles: [.dim]),
    ])
    #expect(lines.map(\.text) == ["voir le", "site[12]"])
}

@Test("Empty input gives no lines, and a width of 1 still makes progress")
func edgeWidths() {
    #expect(LineWrapper(width: 10).wrap([]).isEmpty)
    #expect(wrap("abc", width: 1) == ["a", "b", "c"])
}

@Test("Even a cut inside a glued unit never leaves « at a line end or » at a line start")
func frenchHardCut() {
    let text = "«\u{00A0}anticonstitutionnellement\u{00A0}»"
    for width in 5...30 {
        let lines = wrap(text, width: width)
        #expect(lines.joined() == text, "width \(width): \(lines)")
        #expect(lines.allSatisfy { !$0.hasSuffix("«") && !$0.hasSuffix("«\u{00A0}") }, "width \(width): \(lines)")
        #expect(lines.allSatisfy { !$0.hasPrefix("»") && !$0.hasPrefix("\u{00A0}»") }, "width \(width): \(lines)")
    }
}

// Found by the random-article test: a word that fits a first line with no prefix was moved whole onto an
// indented continuation line where it no longer fitted.
@Test("A word moved to the next line is measured against that line's room, prefix included")
func continuationRoomCounts() {
    let wrapper = LineWrapper(width: 12, firstPrefix: [], prefix: [StyledSpan("    ")])
    let lines = wrapper.wrap([StyledSpan("Label : ordinateurs")])
    #expect(lines.allSatisfy { DisplayWidth.of($0.text) <= 12 }, "\(lines.map(\.text))")
    #expect(lines.map(\.text).joined(separator: "|") == "Label :|    ordinate|    urs")
}

@Test("A prefix as wide as the line is dropped rather than overflow it")
func oversizedPrefix() {
    let lines = LineWrapper(width: 3, indent: [StyledSpan("[12] ")]).wrap([StyledSpan("abc")])
    #expect(lines.map(\.text) == ["abc"])
}
