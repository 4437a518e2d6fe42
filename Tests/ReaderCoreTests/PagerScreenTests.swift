import FeedModel
import ReaderCore
import ScreenKit
import Testing

@Suite("Article pager")
struct PagerScreenTests {
    static let podcast = Enclosure(url: "https://quebec.example/balado-épisode-3.mp3", type: "audio/mpeg",
                                   length: 12_582_912)

    /// The article list open, then article `index` opened and its answer delivered.
    static func openArticle(_ index: Int = 0, height: Int = 12, enclosures: [Enclosure] = [podcast],
                            body: String = "<p>Bonjour à tous.</p>") -> (AppState, [Effect]) {
        var state = ArticleListScreenTests.openList(height: height)
        for _ in 0..<index { state.press("j") }
        let id = AppState.requestID(in: state.press("Enter"))!
        let summary = Fixture.page[index]
        let effects = state.update(.articleLoaded(requestID: id, Fixture.article(summary, html: body, enclosures: enclosures)))
        return (state, effects)
    }

    @Test("The header shows title, feed, author, date and link, then the rendered body")
    func header() {
        let (state, _) = Self.openArticle()
        #expect(Array(state.lines[0...6]) == [
            "qnread — Québec numérique",
            "L’hiver arrive à Québec",
            "Québec numérique · Émilie Tremblay · Nov 30",
            "https://quebec.example/11",
            String(repeating: "─", count: 60),
            "",
            "Bonjour à tous.",
        ])
        let canvas = state.render()
        #expect(canvas[0, 1].style == Theme.builtIn.style(for: [.heading, .strong]))
        #expect(canvas[0, 3].style == Theme.builtIn.style(for: [.link]))
    }

    @Test("Opening an unread article marks it read in the store and in the list behind")
    func marksRead() {
        var (state, effects) = Self.openArticle()
        #expect(effects == [.setRead([ArticleID(11)], true)])
        state.press("q")
        #expect(state.lines[1].hasPrefix("   Nov 30"))
        let (_, again) = Self.openArticle(1)
        #expect(again.isEmpty, "a read article is not marked again")
    }

    @Test("Enclosures are numbered under the article; N then Enter opens that one")
    func enclosureNumber() {
        var (state, _) = Self.openArticle(height: 30)
        let lines = state.lines
        #expect(lines.contains("Liens\u{a0}:"))
        // Its kind and size follow, the size never split.
        #expect(lines.contains("[1] https://quebec.example/balado-épisode-3.mp3 (audio,"))
        #expect(lines.contains("    12.6\u{a0}MB)"))
        #expect(state.press("1").isEmpty)
        #expect(state.lines.last?.hasPrefix("Link 1… (Enter opens it)") == true)
        #expect(state.press("Enter") == [.openURL("https://quebec.example/balado-épisode-3.mp3")])
        state.press("2", "Enter")
        #expect(state.lines.last?.hasPrefix("No link number 2") == true)
    }

    @Test("Links of the body are numbered first, the feed's enclosures after them")
    func bodyLinks() {
        let body = "<p>Voir <a href=\"https://montreal.example/programme\">le programme</a> et "
            + "<a href=\"/inscription\">l’inscription</a>.</p>"
        var (state, _) = Self.openArticle(height: 30, body: body)
        let lines = state.lines
        #expect(lines.contains("[1] https://montreal.example/programme"))
        #expect(lines.contains("[2] https://quebec.example/inscription"), "relative links resolve against the article")
        #expect(lines.contains("[3] https://quebec.example/balado-épisode-3.mp3 (audio,"))
        #expect(state.press("2", "Enter") == [.openURL("https://quebec.example/inscription")])
        #expect(state.press("3", "Enter") == [.openURL("https://quebec.example/balado-épisode-3.mp3")])
    }

    @Test("# asks for a link number in a prompt")
    func linkPrompt() {
        var (state, _) = Self.openArticle()
        state.press("#")
        #expect(state.lines.last == "Open link number:")
        #expect(state.render().cursor == Point(x: 18, y: 11))
        state.type("1")
        #expect(state.press("Enter") == [.openURL("https://quebec.example/balado-épisode-3.mp3")])
    }

    @Test("Scrolls by line, half page, page, and to the top and end, never past the last screenful")
    func scrolling() {
        let body = (1...40).map { "<p>Paragraphe \($0)</p>" }.joined()
        var (state, _) = Self.openArticle(height: 8, body: body)
        func offset() -> String { state.lines[1] }
        let first = offset()
        state.press("j")
        #expect(offset() == "Québec numérique · Émilie Tremblay · Nov 30")
        state.press("k", "k")
        #expect(offset() == first)
        state.press("G")
        let end = state.lines
        state.press("j", "Space")
        #expect(state.lines == end)
        #expect(end.last?.hasSuffix("100%") == true)
        state.press("g")
        #expect(offset() == first)
        state.press("u")
        #expect(state.lines.contains("Liens\u{a0}:"), "the links end the article: u shows its last screen")
        #expect(state.lines.contains { $0.hasPrefix("[1] https://quebec.example") })
    }

    @Test("n opens the next unread article of the list; past its end it asks the store, and says when there is none")
    func nextUnread() {
        var (state, _) = Self.openArticle()
        let effects = state.press("n")
        #expect(effects == [.loadArticle(requestID: AppState.requestID(in: effects)!, ArticleID(13))])
        let id = AppState.requestID(in: effects)!
        _ = state.update(.articleLoaded(requestID: id, Fixture.article(Fixture.page[2])))
        #expect(state.lines[1] == "Rencontre des développeurs de Lévis")
        let ask = state.press("n")
        guard case .findUnread(let request, let query)? = ask.first else { Issue.record("\(ask)"); return }
        #expect(query.from == ArticleCursor(after: Fixture.page[2]))
        _ = state.update(.unreadFound(requestID: request, nil))
        #expect(state.lines.last?.hasPrefix("No more unread articles") == true)
        state.press("q")
        #expect(state.lines.last?.hasSuffix("3/3") == true, "the list behind follows the pager")
    }

    @Test("n past the loaded rows of an unfinished list asks the store")
    func nextUnreadFromStore() {
        var state = ArticleListScreenTests.openList(page: Array(Fixture.page.prefix(2)), isLast: false)
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.articleLoaded(requestID: id, Fixture.article(Fixture.page[0])))
        let effects = state.press("n")
        guard case .findUnread(let request, let query)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(query == UnreadQuery(source: .feed(FeedID(1)), from: ArticleCursor(after: Fixture.page[1]), direction: .older))
        let opened = state.update(.unreadFound(requestID: request, Fixture.page[2]))
        #expect(opened == [.loadArticle(requestID: AppState.requestID(in: opened)!, ArticleID(13))])
    }

    @Test("s stars the article in the pager and the title bar shows it")
    func star() {
        var (state, _) = Self.openArticle()
        #expect(state.press("s") == [.setStarred(ArticleID(11), true)])
        #expect(state.lines[0].hasSuffix("★"))
    }

    @Test("A vanished article closes the pager with an error")
    func missingArticle() {
        var state = ArticleListScreenTests.openList()
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.articleLoaded(requestID: id, nil))
        #expect(state.screenKind == .articles)
        #expect(state.lines.last?.hasPrefix("That article is no longer in the store") == true)
    }
}
