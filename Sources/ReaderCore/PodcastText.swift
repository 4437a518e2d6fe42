import FeedModel

// The words of podcasts and notifications, in one place so the message catalogue (issue 18) can take them over:
// download states as `qnread enclosures` and the reader's Enclosures list show them, the reader's status lines, and
// the summary of new articles that notifications carry.
public enum PodcastText {
    /// `new`, `queued`, `downloading 42%`, `done`, `failed`: the state column (the path and reason come apart).
    public static func state(_ download: DownloadState?) -> String {
        guard let download else { return "new" }
        switch download.phase {
        case .queued: return "queued"
        case .downloading: return download.percent.map { "downloading \($0)%" } ?? "downloading"
        case .done: return "done"
        case .failed: return "failed"
        }
    }

    public static let enclosuresTitle = "Enclosures"
    public static let noEnclosure = "This article has no enclosure"
    public static let notDownloaded = "Not downloaded yet: d downloads it"
    public static func queued(_ count: Int) -> String { count == 1 ? "Queued 1 download" : "Queued \(count) downloads" }
    public static let alreadyQueued = "Already downloaded or queued"
    public static func downloading(done: Int, total: Int, percent: Int?) -> String {
        "Downloading \(done)/\(total)" + (percent.map { " (\($0)%)" } ?? "") + "…"
    }
    public static func downloadsFinished(done: Int, failed: Int) -> String {
        failed == 0 ? "Downloads finished: \(done) done" : "Downloads finished: \(done) done, \(failed) failed"
    }
    public static func played(_ program: String) -> String { "Played with \(program)" }

    /// Whether the notification speaks French: LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them (`fr`,
    /// `fr_CA.UTF-8` are French). The catalogue's language choice replaces this.
    public static func isFrench(_ environment: [String: String]) -> Bool {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.prefix { $0.isLetter }.lowercased() == "fr"
        }
        return false
    }

    /// "12 nouveaux articles dans 3 fils", "1 nouvel article dans 1 fil" (French counts 0 and 1 as singular);
    /// "12 new articles in 3 feeds". Without a feed count (a sync), the articles alone.
    public static func newArticles(_ articles: Int, feeds: Int?, french: Bool) -> String {
        if french {
            let head = articles > 1 ? "\(articles) nouveaux articles" : "\(articles) nouvel article"
            return head + (feeds.map { " dans \($0) " + ($0 > 1 ? "fils" : "fil") } ?? "")
        }
        let head = articles == 1 ? "1 new article" : "\(articles) new articles"
        return head + (feeds.map { " in \($0) " + ($0 == 1 ? "feed" : "feeds") } ?? "")
    }
}
