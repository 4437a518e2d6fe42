import FeedModel
import Foundation
import Localization
import ReaderCore
import ScreenKit

// Values shaped like what the store hands the reader: French titles, accents, « », ’ and NBSP.

enum Fixture {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static let fetched = FetchState(lastAttempt: date("2026-12-01T08:00:00Z"), lastSuccess: date("2026-12-01T08:00:00Z"))
    static let quebec = FeedSummary(id: FeedID(1), url: "https://quebec.example/feed", title: "Québec numérique",
                                    siteLink: "https://quebec.example/", tags: ["quebec", "tech"], unreadCount: 2,
                                    totalCount: 3, fetch: fetched)
    static let web = FeedSummary(id: FeedID(2), url: "https://webaquebec.example/rss", title: "Web à Québec",
                                 tags: ["web"], unreadCount: 0, totalCount: 40, fetch: fetched)
    static let broken = FeedSummary(id: FeedID(3), url: "https://broken.example/feed", title: "Montréal JS",
                                    tags: ["web"], unreadCount: 1, totalCount: 1,
                                    fetch: FetchState(lastAttempt: date("2026-12-01T08:00:00Z"), httpStatus: 404,
                                                      lastError: "HTTP 404 Not Found"))
    static let feeds = [quebec, web, broken]

    static func summary(_ id: Int64, _ title: String, feed: FeedSummary = quebec, date: String = "2026-11-30T10:00:00Z",
                        read: Bool = false, starred: Bool = false, link: String? = nil) -> ArticleSummary {
        ArticleSummary(id: ArticleID(id), feedID: feed.id, feedTitle: feed.title, title: title,
                       link: link ?? "https://quebec.example/\(id)", date: Fixture.date(date), isRead: read, isStarred: starred)
    }

    static let page = [
        summary(11, "L’hiver arrive à Québec", date: "2026-11-30T10:00:00Z"),
        summary(12, "« Les données ouvertes » en région", date: "2026-11-29T09:00:00Z", read: true, starred: true),
        summary(13, "Rencontre des développeurs de Lévis", date: "2026-11-28T08:00:00Z"),
    ]

    static func article(_ summary: ArticleSummary, html: String = "<p>Bonjour à tous.</p>",
                        enclosures: [Enclosure] = []) -> Article {
        Article(id: summary.id, feedID: summary.feedID, feedTitle: summary.feedTitle, title: summary.title,
                link: summary.link, authors: ["Émilie Tremblay"], published: summary.date, contentHTML: html,
                enclosures: enclosures, status: ArticleStatus(isRead: summary.isRead, isStarred: summary.isStarred,
                                                             arrived: summary.date))
    }

    /// The day the fixtures are read: their dates are this year's, written without the year.
    static let today = date("2026-12-06T12:00:00Z")

    /// A reader at `width`×`height` that has loaded the three fixture feeds.
    static func reader(width: Int = 60, height: Int = 10, settings: Settings = Settings(),
                       keymap: Keymap = .defaults, catalogue: Catalogue = .english) -> AppState {
        var state = AppState(size: Size(width: width, height: height), settings: settings, keymap: keymap,
                             catalogue: catalogue, today: today)
        _ = state.start()
        _ = state.update(.feedsLoaded(feeds))
        return state
    }
}

extension AppState {
    /// Presses keys given by config-file names (`"j"`, `"Enter"`, `"g g"` is two keys), collecting the effects.
    @discardableResult
    mutating func press(_ names: String...) -> [Effect] {
        var effects: [Effect] = []
        for name in names {
            for key in KeyEvent.sequence(named: name)! { effects += update(.key(key)) }
        }
        return effects
    }

    /// Types text into a prompt, one character at a time.
    mutating func type(_ text: String) {
        for c in text { _ = update(.key(.character(c))) }
    }

    /// The request id of the last `loadArticles`/`search`/`loadArticle` effect.
    static func requestID(in effects: [Effect]) -> Int? {
        for effect in effects.reversed() {
            switch effect {
            case .loadArticles(let id, _), .search(let id, _, _, _), .loadArticle(let id, _), .findUnread(let id, _):
                return id
            default: continue
            }
        }
        return nil
    }

    var lines: [String] { render().lines }
}
