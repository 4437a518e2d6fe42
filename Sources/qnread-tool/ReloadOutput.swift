import FeedModel
import Foundation
import FeedRefresh
import Localization
import ScreenKit
import TextSafety

/// What `qnread reload` prints: a progress bar redrawn in place on a terminal, else one plain line per feed,
/// then a summary. Pure text; the command decides where it goes.
enum ReloadOutput {
    /// `[########------------] 120/200 feeds · 340 new · 1 failed`, fitted to `width` columns.
    static func bar(_ progress: RefreshProgress, width: Int) -> String {
        let counts = trn("%d/%d feeds", "%d/%d feeds", progress.total, progress.done, progress.total)
            + " · " + trn("%d new", "%d new", progress.newArticles)
            + (progress.failures > 0 ? " · " + trn("%d failed", "%d failed", progress.failures) : "")
        return ProgressBar.line(counts, done: progress.done, of: progress.total, width: width)
    }

    /// `ok      https://… 3 new`, `same    https://… 304 Not Modified`, `FAILED  https://… HTTP 404 Not Found`.
    static func line(_ report: FeedRefreshReport) -> String {
        let url = URLText.printable(report.url)
        var text: String
        switch report.status {
        case .updated(let new, let changed):
            text = column(tr("ok")) + url + "  " + trn("%d new", "%d new", new)
                + (changed > 0 ? ", " + trn("%d changed", "%d changed", changed) : "")
        case .unchanged(let reason):
            text = column(tr("same")) + url + "  " + reason
        case .failed(let message):
            text = column(tr("FAILED")) + url + "  " + SafeText.collapsedLine(message)
        case .gone:
            text = column(tr("gone")) + url + "  " + tr("410 Gone earlier: no longer fetched (qnread feeds remove it)")
        }
        if let moved = report.movedTo { text += "  " + tr("(moved to %s)", URLText.printable(moved)) }
        return text
    }

    /// The first column of a feed's (or a download's) line, 8 wide whatever the language.
    static func column(_ word: String) -> String {
        word + String(repeating: " ", count: max(2, 8 - DisplayWidth.of(word)))
    }

    /// `reloaded 200 feeds in 1.24 s: 340 new articles, 1 failed`.
    static func summary(_ summary: RefreshSummary) -> String {
        let failed = summary.failures.count
        return trn("reloaded %d feeds in %s s", "reloaded %d feeds in %s s", summary.reports.count, summary.reports.count,
                   seconds(summary.duration))
            + tr(": ") + trn("%d new article", "%d new articles", summary.newArticles)
            + (failed > 0 ? ", " + trn("%d failed", "%d failed", failed) : "")
    }

    /// `1.24`, or `1,24` in French.
    static func seconds(_ value: Double, decimals: Int = 2) -> String {
        ToolLanguage.catalogue.decimal(value, places: decimals)
    }

    /// The terminal's width in columns, 80 when it cannot be known.
    static var terminalWidth: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
