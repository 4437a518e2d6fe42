import FeedModel
import Foundation
import FeedRefresh
import TextSafety

/// What `qnread reload` prints: a progress bar redrawn in place on a terminal, else one plain line per feed,
/// then a summary. Pure text; the command decides where it goes.
enum ReloadOutput {
    /// `[########------------] 120/200 feeds · 340 new · 1 failed`, fitted to `width` columns.
    static func bar(_ progress: RefreshProgress, width: Int) -> String {
        let counts = "\(progress.done)/\(progress.total) feeds · \(progress.newArticles) new"
            + (progress.failures > 0 ? " · \(progress.failures) failed" : "")
        let room = min(40, width - counts.count - 3)
        guard room >= 5 else { return String(counts.prefix(max(0, width - 1))) }
        let filled = progress.total == 0 ? room : room * progress.done / progress.total
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: room - filled) + "] " + counts
    }

    /// `ok      https://… 3 new`, `same    https://… 304 Not Modified`, `FAILED  https://… HTTP 404 Not Found`.
    static func line(_ report: FeedRefreshReport) -> String {
        let url = URLText.printable(report.url)
        var text: String
        switch report.status {
        case .updated(let new, let changed):
            text = "ok      \(url)  \(new) new" + (changed > 0 ? ", \(changed) changed" : "")
        case .unchanged(let reason):
            text = "same    \(url)  \(reason)"
        case .failed(let message):
            text = "FAILED  \(url)  \(SafeText.collapsedLine(message))"
        case .gone:
            text = "gone    \(url)  410 Gone earlier: no longer fetched (qnread feeds remove it)"
        }
        if let moved = report.movedTo { text += "  (moved to \(URLText.printable(moved)))" }
        return text
    }

    /// `reloaded 200 feeds in 1.24 s: 340 new articles, 1 failed`.
    static func summary(_ summary: RefreshSummary) -> String {
        let failed = summary.failures.count
        return "reloaded \(summary.reports.count) feeds in " + String(format: "%.2f s", summary.duration)
            + ": \(summary.newArticles) new article\(summary.newArticles == 1 ? "" : "s")"
            + (failed > 0 ? ", \(failed) failed" : "")
    }

    /// The terminal's width in columns, 80 when it cannot be known.
    static var terminalWidth: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
