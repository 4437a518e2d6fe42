import FeedModel
import Foundation
import Localization
import ReaderCore
import ScreenKit
import Testing

// The same screens as the English tests, with the French catalogue: words, no-break spaces (shown here as \u{A0}),
// numbers grouped with a narrow no-break space, French plurals and dates.

@Suite("Screens in French")
struct FrenchScreenTests {
    static let french = Catalogue(.fr)

    @Test("The feed list: title bar, merged entries, counts and key hints in French")
    func feedList() {
        let state = Fixture.reader(width: 66, catalogue: Self.french)
        #expect(state.lines == [
            "qnread — Flux                                            3 non lus",
            "  Tous les articles                                           3/44",
            "  Favoris",
            "  Québec numérique  #quebec #tech                              2/3",
            "  Web à Québec  #web                                          0/40",
            "! Montréal JS  #web                                            1/1",
            "",
            "",
            "",
            "q:Quitter Enter:Ouvrir n:Non lu suivant /:Chercher ?:Aide      1/5",
        ])
    }

    @Test("Counts of five digits and more are grouped with a narrow no-break space")
    func groupedCounts() {
        var state = Fixture.reader(catalogue: Self.french)
        var big = Fixture.web
        big.unreadCount = 12_345
        big.totalCount = 123_456
        _ = state.update(.feedsLoaded([big]))
        #expect(state.lines[0] == "qnread — Flux                                 12\u{202F}345 non lus")
        #expect(state.lines[1] == "  Tous les articles                           12\u{202F}345/123\u{202F}456")
    }

    @Test("0 and 1 are singular in French: « 1 non lu », « 0 non lu », « 2 non lus »")
    func pluralsInTitleBar() {
        var state = Fixture.reader(catalogue: Self.french)
        for (unread, expected) in [(0, "0 non lu"), (1, "1 non lu"), (2, "2 non lus")] {
            var feed = Fixture.quebec
            feed.unreadCount = unread
            _ = state.update(.feedsLoaded([feed]))
            #expect(state.lines[0].hasSuffix(" " + expected), "\(state.lines[0])")
        }
    }

    @Test("The article list: French dates without the year this year, with it before, in one column")
    func articleList() {
        var state = Fixture.reader(catalogue: Self.french)
        let effects = state.press("j", "j", "Enter")
        let page = Fixture.page + [Fixture.summary(14, "Bilan de l’an dernier", date: "2025-11-14T10:00:00Z")]
        _ = state.update(.articlesLoaded(requestID: AppState.requestID(in: effects)!, page, isLast: true))
        #expect(Array(state.lines[0...4]) == [
            "qnread — Québec numérique              2 non lus, 3 au total",
            "N  30 nov.      L’hiver arrive à Québec",
            " * 29 nov.      « Les données ouvertes » en région",
            "N  28 nov.      Rencontre des développeurs de Lévis",
            "N  14 nov. 2025 Bilan de l’an dernier",
        ])
        #expect(state.lines.last == "q:Retour Enter:Ouvrir n:Non lu suivant /:Chercher ?:Aide 1/4")
    }

    @Test("The same list in English: Nov 30 this year, Nov 14, 2025 before")
    func articleListInEnglish() {
        var state = Fixture.reader()
        let effects = state.press("j", "j", "Enter")
        let page = Fixture.page + [Fixture.summary(14, "Last year", date: "2025-11-14T10:00:00Z")]
        _ = state.update(.articlesLoaded(requestID: AppState.requestID(in: effects)!, page, isLast: true))
        #expect(Array(state.lines[1...4]) == [
            "N  Nov 30       L’hiver arrive à Québec",
            " * Nov 29       « Les données ouvertes » en région",
            "N  Nov 28       Rencontre des développeurs de Lévis",
            "N  Nov 14, 2025 Last year",
        ])
    }

    @Test("date_format, when set, is used in both languages; %b and %a are French in French")
    func dateFormatSetting() {
        let date = Fixture.date("2026-07-14T10:00:00Z")
        let utc = TimeZone(identifier: "UTC")!
        #expect(DateText(format: "%a %d %b %Y", timeZone: utc, language: .fr).string(from: date) == "mar. 14 juill. 2026")
        #expect(DateText(format: "%a %d %b %Y", timeZone: utc, language: .en).string(from: date) == "Tue 14 Jul 2026")
        #expect(DateText(format: "%Y-%m-%d", timeZone: utc, language: .fr).string(from: date) == "2026-07-14")
        #expect(DateText(format: nil, timeZone: utc, language: .fr, today: Fixture.today).string(from: date) == "14 juill.")
        #expect(DateText(format: nil, timeZone: utc, language: .en, today: Fixture.today).string(from: date) == "Jul 14")
    }

    @Test("The help screen lists the action table's help in French")
    func help() {
        var state = Fixture.reader(width: 80, height: 8, catalogue: Self.french)
        state.press("?")
        #expect(Array(state.lines[0...4]) == [
            "qnread — Aide\u{A0}: Liste des flux                                           q ferme",
            "Touches — Liste des flux",
            "",
            "  j, Down     down             Descendre d’une ligne",
            "  k, Up       up               Monter d’une ligne",
        ])
    }

    @Test("A asks in French, o (oui) confirms, and the status says what was marked with the French plural")
    func confirmInFrench() {
        var state = Fixture.reader(width: 80, catalogue: Self.french)
        state.press("j", "j", "A")
        #expect(state.lines.last == "Marquer comme lus tous les articles de Québec numérique\u{A0}? (o/n)")
        let effects = state.press("o")
        #expect(effects == [.markFeedRead(FeedID(1))])
        #expect(state.lines.last?.hasPrefix("Le flux est marqué comme lu") == true)
        state.press("A")
        state.press("x")
        #expect(state.lines.last?.hasPrefix("Rien n’a été marqué") == true)
    }

    @Test("Reload progress and its end, in French")
    func reload() {
        var state = Fixture.reader(width: 70, catalogue: Self.french)
        _ = state.update(.reloadProgress(ReloadProgress(done: 1, total: 3)))
        #expect(state.lines.last?.hasSuffix("Rechargement 1/3…  1/5") == true, "\(state.lines.last ?? "")")
        _ = state.update(.reloadFinished(ReloadProgress(done: 3, total: 3, failed: 1)))
        #expect(state.lines.last?.hasPrefix("3 flux rechargés, 1 en échec") == true, "\(state.lines.last ?? "")")
        _ = state.update(.reloadFinished(ReloadProgress(done: 1, total: 1)))
        #expect(state.lines.last?.hasPrefix("1 flux rechargé ") == true, "\(state.lines.last ?? "")")
    }

    @Test("E says why a feed's fetch failed, or that it succeeded, in French")
    func showError() {
        var state = Fixture.reader(width: 70, catalogue: Self.french)
        state.press("j", "j", "E")
        #expect(state.lines.last?.hasPrefix("Québec numérique\u{A0}: la dernière récupération a réussi") == true)
        state.press("j", "j", "E")
        #expect(state.lines.last?.hasPrefix("Montréal JS\u{A0}: HTTP 404 Not Found") == true, "\(state.lines.last ?? "")")
    }
}
