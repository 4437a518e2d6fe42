import FeedModel
import Localization

// The words of podcasts and notifications that more than one place says, in the catalogue's language: a download's
// state (`qnread enclosures`, the reader's Enclosures screen) and the summary of new articles (notify_command, the
// terminal's notification).
public enum PodcastText {
    /// `new`, `queued`, `downloading 42%`, `done`, `failed`: the state column (the path and reason come apart).
    public static func state(_ download: DownloadState?, in catalogue: Catalogue) -> String {
        guard let download else { return catalogue.trc("download state", "new") }
        switch download.phase {
        case .queued: return catalogue.trc("download state", "queued")
        case .downloading:
            return download.percent.map { catalogue.tr("downloading %d%%", $0) } ?? catalogue.trc("download state", "downloading")
        case .done: return catalogue.trc("download state", "done")
        case .failed: return catalogue.trc("download state", "failed")
        }
    }

    /// "12 new articles in 3 feeds", "1 nouvel article dans 1 fil", "14 nouveaux articles dans 3 fils". Without a
    /// feed count (a sync), the articles alone.
    public static func newArticles(_ articles: Int, feeds: Int?, in catalogue: Catalogue) -> String {
        let head = catalogue.trn("%d new article", "%d new articles", articles)
        guard let feeds else { return head }
        // TRANSLATORS: the new articles ("12 new articles"), then the feeds they came from ("3 feeds").
        return catalogue.tr("%s in %s", head, catalogue.trn("%d feed", "%d feeds", feeds))
    }
}
