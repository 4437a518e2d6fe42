import FeedModel
import Foundation
import ReaderCore
import ScreenKit
import Testing

// pipe-to, save, bookmark and yank-url: which effect each key asks for, what the reader is told when config.toml
// lacks the setting, and the text and arguments that leave the reader (cleaned of anything a terminal obeys).

@Suite("Article commands")
struct ArticleCommandTests {
    static var configured: Settings {
        var settings = Settings()
        settings.pipe = ["less", "-R"]
        settings.saveDirectory = "/home/léa/Téléchargements"
        settings.bookmarkCommand = ["signets", "--ajouter"]
        return settings
    }

    static func list(_ settings: Settings = configured, width: Int = 60) -> AppState {
        var state = Fixture.reader(width: width, settings: settings)
        let id = AppState.requestID(in: state.press("j", "j", "Enter"))!
        _ = state.update(.articlesLoaded(requestID: id, Fixture.page, isLast: true))
        return state
    }

    @Test("|, S, B and y ask for the selected article's pipe, save, bookmark and clipboard")
    func effects() {
        var state = Self.list()
        state.press("j")
        #expect(state.press("|") == [.pipeArticle(ArticleID(12), command: ["less", "-R"], width: 60)])
        #expect(state.press("S") == [.saveArticle(ArticleID(12), directory: "/home/léa/Téléchargements", width: 80)])
        #expect(state.press("B") == [.bookmarkArticle(ArticleID(12), command: ["signets", "--ajouter"])])
        #expect(state.press("y") == [.copyToClipboard("https://quebec.example/12")])
    }

    @Test("In the pager they act on the article shown")
    func inPager() {
        var state = Self.list()
        let id = AppState.requestID(in: state.press("Enter"))!
        _ = state.update(.articleLoaded(requestID: id, Fixture.article(Fixture.page[0])))
        #expect(state.press("|") == [.pipeArticle(ArticleID(11), command: ["less", "-R"], width: 60)])
        #expect(state.press("y") == [.copyToClipboard("https://quebec.example/11")])
    }

    @Test("Without the setting, the status line names it; nothing runs")
    func unset() {
        var state = Self.list(Settings(), width: 90)
        #expect(state.press("|").isEmpty)
        #expect(state.lines.last?.hasPrefix("No pipe command: set pipe = [\"less\", \"-R\"] in config.toml") == true)
        #expect(state.press("S").isEmpty)
        #expect(state.lines.last?.hasPrefix("No save directory: set save_dir in config.toml") == true)
        #expect(state.press("B").isEmpty)
        #expect(state.lines.last?.hasPrefix("No bookmark command: set bookmark_command in config.toml") == true)
    }

    @Test("A link that is no URL (an option, a line break) is neither copied nor bookmarked")
    func hostileLink() {
        var state = Fixture.reader(settings: Self.configured)
        let id = AppState.requestID(in: state.press("j", "j", "Enter"))!
        _ = state.update(.articlesLoaded(requestID: id, [Fixture.summary(21, "Piège", link: "--output=/etc/passwd")],
                                         isLast: true))
        #expect(state.press("y").isEmpty)
        #expect(state.lines.last?.hasPrefix("This article has no link to copy") == true)
        #expect(state.press("B").isEmpty)
        #expect(state.lines.last?.hasPrefix("This article has no link to bookmark") == true)
        var other = Fixture.reader(settings: Self.configured)
        let next = AppState.requestID(in: other.press("j", "j", "Enter"))!
        _ = other.update(.articlesLoaded(requestID: next, [Fixture.summary(22, "Saut", link: "https://a.example/\nrm -rf ~")],
                                         isLast: true))
        #expect(other.press("y") == [.copyToClipboard("https://a.example/rm -rf ~")], "the line break is gone")
    }

    static let hostile = Article(
        id: ArticleID(31), feedID: FeedID(1), feedTitle: "Québec\u{1B}[2J numérique", title: "Titre \u{1B}]0;pwned\u{07} piégé",
        link: "https://quebec.example/31", authors: ["Léa"], published: Fixture.date("2026-11-30T10:00:00Z"),
        summaryHTML: "<p>Résumé <b>court</b>\u{1B}[31m rouge</p>",
        contentHTML: "<p>Premier paragraphe\u{9B}31m, « guillemets ».</p><pre>ligne\u{1B}[1A une</pre><p><a href=\"https://a.example/\">lien</a></p>",
        status: ArticleStatus(arrived: Fixture.date("2026-11-30T10:00:00Z")))

    @Test("The text piped or saved is the pager's lines at that width, with no control character left")
    func exportedText() {
        let state = Fixture.reader()
        let text = state.articleText(Self.hostile, width: 40)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false) == [
            "Titre ]0;pwned piégé",
            "Québec[2J numérique · Léa · Nov 30",
            "https://quebec.example/31",
            Substring(String(repeating: "─", count: 40)),
            "",
            "Premier paragraphe31m, « guillemets ».",
            "",
            "ligne[1A une",
            "",
            "lien[1]",
            "",
            "Liens\u{a0}:",
            "[1] https://a.example/",
            "",
        ])
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }

    @Test("A bookmark gets URL, title, description and feed title as four clean arguments")
    func bookmarkArguments() {
        #expect(ArticleExport.bookmarkArguments(Self.hostile) == [
            "https://quebec.example/31", "Titre ]0;pwned piégé", "Résumé court[31m rouge", "Québec[2J numérique",
        ])
        var long = Self.hostile
        long.summaryHTML = "<p>" + String(repeating: "é", count: 500) + "</p>"
        let description = ArticleExport.bookmarkArguments(long)?[2] ?? ""
        #expect(description.count == 300 && description.hasSuffix("é…"))
        long.link = nil
        #expect(ArticleExport.bookmarkArguments(long) == nil)
    }
}
