import FeedModel
import Localization
import ReaderCore
import ScreenKit
import Testing

// The reader's podcasts: an Enclosures entry under Starred once the store holds one, its screen with each
// enclosure's state, d to queue a download (run in the background), P to play with `player`.
@Suite("Enclosures screen, d and P")
struct PodcastScreenTests {
    static let episode = Fixture.summary(21, "Épisode 7 : l’infonuagique", date: "2026-12-01T10:00:00Z")
    static let audio = Enclosure(url: "https://balado.example/ep7.mp3", type: "audio/mpeg", length: 40_596_000, duration: 2537)

    static func item(_ download: DownloadState?, article: Int64 = 21, title: String = "Épisode 7 : l’infonuagique",
                     url: String = "https://balado.example/ep7.mp3") -> EnclosureItem {
        var enclosure = audio
        enclosure.url = url
        return EnclosureItem(articleID: ArticleID(article), feedID: FeedID(1), feedTitle: "Québec numérique", articleTitle: title,
                             date: Fixture.date("2026-12-01T10:00:00Z"), enclosure: enclosure, download: download)
    }

    static let items = [
        item(nil),
        item(DownloadState(phase: .downloading, path: "/dl/ep6.mp3.part", received: 30, total: 100), article: 20, title: "Épisode 6",
             url: "https://balado.example/ep6.mp3"),
        item(DownloadState(phase: .done, path: "/dl/ep5.mp3", received: 100, total: 100), article: 19, title: "Épisode 5",
             url: "https://balado.example/ep5.mp3"),
        item(DownloadState(phase: .failed, error: "HTTP 404 Not Found"), article: 18, title: "Épisode 4", url: "https://balado.example/ep4.mp3"),
    ]

    /// The reader on the Enclosures screen with `items` loaded.
    static func onEnclosures(settings: Settings = Settings(), height: Int = 10, catalogue: Catalogue = .english) -> AppState {
        var state = Fixture.reader(width: 80, height: height, settings: settings, catalogue: catalogue)
        _ = state.update(.enclosureCounts(total: 4, new: 1))
        let effects = state.press("g", "j", "j", "Enter")
        guard case .loadEnclosures(let id)? = effects.last else { return state }
        _ = state.update(.enclosuresLoaded(requestID: id, items))
        return state
    }

    @Test("The Enclosures entry shows under Starred once the store holds an enclosure, with new/total")
    func feedListEntry() {
        var state = Fixture.reader()
        #expect(!state.lines.contains { $0.contains("Enclosures") })
        state.press("j", "j", "j")
        _ = state.update(.enclosureCounts(total: 12, new: 3))
        #expect(Array(state.lines[1...4]) == [
            "  All articles                                          3/44",
            "  Starred",
            "  Enclosures                                            3/12",
            "  Québec numérique  #quebec #tech                        2/3",
        ])
        #expect(state.lines.last?.hasSuffix("5/6") == true, "the selection stays on Web à Québec")
    }

    @Test("Enter opens the list: state, date, feed, title, type, size and duration")
    func screen() {
        let state = Self.onEnclosures()
        #expect(Array(state.lines[0...4]) == [
            "qnread — Enclosures                                                        1 new",
            " new              Dec 1 Québec numérique Épisode 7 : l’infonuagique  (audio/mpe…",
            " downloading 30%  Dec 1 Québec numérique Épisode 6  (audio/mpeg, 40.6 MB, 42:17)",
            " done             Dec 1 Québec numérique Épisode 5  (audio/mpeg, 40.6 MB, 42:17)",
            " failed           Dec 1 Québec numérique Épisode 4  (audio/mpeg, 40.6 MB, 42:17)",
        ])
        #expect(state.lines.last?.hasSuffix("1/4") == true)
    }

    @Test("d queues the selected enclosure; the download's progress shows in the status line until it ends")
    func download() {
        var state = Self.onEnclosures()
        #expect(state.press("d") == [.queueDownloads(.enclosures([Self.items[0].id]))])
        _ = state.update(.downloadsQueued(1))
        #expect(state.lines.last?.hasPrefix("Queued 1 download") == true)
        _ = state.update(.downloadProgress(DownloadProgress(done: 0, total: 1, percent: 42)))
        #expect(state.lines.last?.contains("Downloading 0/1 (42%)…") == true, "\(state.lines.last ?? "")")
        let effects = state.update(.downloadsFinished(DownloadProgress(done: 1, total: 1, percent: 100)))
        #expect(effects.contains(.loadFeeds))
        #expect(effects.contains { if case .loadEnclosures = $0 { return true } else { return false } }, "the list is read again")
        #expect(state.lines.last?.hasPrefix("Downloads finished: 1 done") == true)
        #expect(!(state.lines.last?.contains("Downloading") ?? true))
    }

    @Test("d on an enclosure already done or queued says so, and the empty run after it changes nothing")
    func nothingToDo() {
        var state = Self.onEnclosures()
        _ = state.update(.downloadsQueued(0))
        _ = state.update(.downloadsFinished(DownloadProgress(done: 0, total: 0)))
        #expect(state.lines.last?.hasPrefix("Already downloaded or queued") == true)
    }

    @Test("In the pager d queues the article's enclosures; an article without any says so")
    func downloadFromPager() {
        var state = Fixture.reader()
        var effects = state.press("Enter")
        _ = state.update(.articlesLoaded(requestID: AppState.requestID(in: effects)!, [Self.episode], isLast: true))
        effects = state.press("Enter")
        _ = state.update(.articleLoaded(requestID: AppState.requestID(in: effects)!, Fixture.article(Self.episode, enclosures: [Self.audio])))
        #expect(state.press("d") == [.queueDownloads(.articles([Self.episode.id]))])
        #expect(state.press("P") == [.play(.articles([Self.episode.id]), player: ["xdg-open"])])

        state.press("q")
        effects = state.press("Enter")
        _ = state.update(.articleLoaded(requestID: AppState.requestID(in: effects)!, Fixture.article(Self.episode)))
        #expect(state.press("d").isEmpty)
        #expect(state.lines.last?.hasPrefix("This article has no enclosure") == true)
    }

    @Test("P plays a done download with player; one not downloaded yet says so")
    func play() {
        var settings = Settings()
        settings.player = ["mpv", "--no-video"]
        var state = Self.onEnclosures(settings: settings)
        #expect(state.press("P").isEmpty)
        #expect(state.lines.last?.hasPrefix("Not downloaded yet: d downloads it") == true)
        #expect(state.press("j", "j", "P") == [.play(.enclosures([Self.items[2].id]), player: ["mpv", "--no-video"])])
    }

    @Test("Enter on an enclosure opens its article; q comes back to the list")
    func openArticle() {
        var state = Self.onEnclosures()
        let effects = state.press("j", "Enter")
        #expect(effects.contains { if case .loadArticle(_, ArticleID(20)) = $0 { return true } else { return false } })
        #expect(state.screenKind == .article)
        state.press("q")
        #expect(state.screenKind == .enclosures)
    }

    @Test("A new load keeps the selected enclosure where it went")
    func keepsSelection() {
        var state = Self.onEnclosures()
        state.press("j", "j")
        let effects = state.update(.downloadProgress(DownloadProgress(done: 0, total: 1)))
        guard case .loadEnclosures(let id)? = effects.last else {
            Issue.record("no reload of the list: \(effects)")
            return
        }
        _ = state.update(.enclosuresLoaded(requestID: id, [Self.item(nil, article: 22, title: "Épisode 8", url: "https://balado.example/ep8.mp3")] + Self.items))
        #expect(state.lines.last?.hasSuffix("4/5") == true, "Épisode 5 stays selected")
    }

    @Test("Help for the Enclosures screen lists d and P from the action table")
    func help() {
        var state = Self.onEnclosures(height: 60)
        state.press("?")
        let text = state.lines.joined(separator: "\n")
        #expect(text.contains("Download the enclosure (podcast), in the background"))
        #expect(text.contains("Play the downloaded enclosure with player"))
    }

    @Test("In French: the screen's title, states and status lines through the catalogue, with no-break spaces")
    func french() {
        var state = Self.onEnclosures(catalogue: Catalogue(.fr))
        #expect(state.lines[0] == "qnread — Pièces jointes" + String(repeating: " ", count: 48) + "1 nouveau")
        #expect(state.lines[1...4].map { String($0.prefix(24)) } == [
            " nouveau          1 déc.", " en cours 30\u{A0}%    1 déc.", " terminé          1 déc.", " en échec         1 déc.",
        ])
        _ = state.update(.downloadsQueued(2))
        #expect(state.lines.last?.hasPrefix("2 téléchargements en attente") == true, "\(state.lines.last ?? "")")
        _ = state.update(.downloadProgress(DownloadProgress(done: 0, total: 2, percent: 42)))
        #expect(state.lines.last?.contains("Téléchargement 0/2 (42\u{A0}%)…") == true, "\(state.lines.last ?? "")")
        _ = state.update(.downloadsFinished(DownloadProgress(done: 1, total: 2, failed: 1)))
        #expect(state.lines.last?.hasPrefix("Téléchargements terminés\u{A0}: 1 réussi, 1 en échec") == true, "\(state.lines.last ?? "")")
        #expect(state.press("P").isEmpty)
        #expect(state.lines.last?.hasPrefix("Pas encore téléchargé\u{A0}: d le télécharge") == true)
    }

    @Test("The new-articles summary follows the catalogue: French plurals count 0 and 1 as one")
    func summary() {
        let french = Catalogue(.fr)
        #expect(PodcastText.newArticles(1, feeds: 1, in: french) == "1 nouvel article dans 1 fil")
        #expect(PodcastText.newArticles(14, feeds: 3, in: french) == "14 nouveaux articles dans 3 fils")
        #expect(PodcastText.newArticles(12_345, feeds: nil, in: french) == "12\u{202F}345 nouveaux articles")
        #expect(PodcastText.newArticles(1, feeds: 1, in: .english) == "1 new article in 1 feed")
        #expect(PodcastText.newArticles(14, feeds: 3, in: .english) == "14 new articles in 3 feeds")
    }
}
