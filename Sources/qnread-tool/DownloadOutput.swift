import FeedModel
import FeedRefresh
import Foundation
import Localization
import ReaderCore
import ReaderRuntime
import ScreenKit
import TextSafety

/// What `qnread download` prints as downloads go: a progress bar redrawn on a terminal, plain lines otherwise, or
/// for the reader that started it `download …` lines (DownloadProgressLine). Events come from several downloads'
/// threads at once, hence the lock.
final class DownloadOutput: @unchecked Sendable {
    enum Mode { case bar, lines, reader }

    private let lock = NSLock()
    private let mode: Mode
    private let width: Int
    private let total: Int
    private var done = 0
    private var failed = 0
    /// Bytes so far and expected, per download started.
    private var bytes: [EnclosureItem.ID: (received: Int64, total: Int64?)] = [:]

    init(total: Int, mode: Mode, width: Int) {
        self.total = total
        self.mode = mode
        self.width = width
    }

    func show(_ event: DownloadEvent) {
        lock.withLock {
            var line: String?
            switch event {
            case .started(let item, let partial):
                bytes[item.id] = (0, item.enclosure.length)
                if mode == .lines { line = ReloadOutput.column(trc("download line", "get")) + URLText.printable(item.enclosure.url) + "  → " + SafeText.line(partial) }
            case .progress(let id, let received, let expected):
                bytes[id] = (received, expected)
            case .finished(let item, let path, let size, let resumedFrom, let restarted):
                done += 1
                bytes[item.id] = (size, size)
                var text = ReloadOutput.column(trc("download line", "done")) + SafeText.line(path) + "  " + MediaText.size(size)
                if resumedFrom > 0 { text += "  " + tr("(resumed at %s)", MediaText.size(resumedFrom)) }
                if restarted { text += "  " + tr("(the server ignored the range: started over)") }
                line = text
            case .failed(let item, let reason):
                failed += 1
                bytes[item.id] = nil
                line = ReloadOutput.column(tr("FAILED")) + URLText.printable(item.enclosure.url) + "  " + SafeText.collapsedLine(reason)
            }
            write(line: line)
        }
    }

    /// The last words: the bar cleared, the counts.
    func finish(_ tally: EnclosureDownloader.Tally) {
        lock.withLock {
            switch mode {
            case .reader: return
            case .bar: FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
            case .lines: break
            }
            print(trn("%d downloaded", "%d downloaded", tally.done) + (tally.failed > 0 ? ", " + trn("%d failed", "%d failed", tally.failed) : ""))
        }
    }

    private func write(line: String?) {
        switch mode {
        case .lines:
            if let line { print(line) }
        case .reader:
            let progress = DownloadProgress(done: done, total: total, failed: failed, percent: percent)
            FileHandle.standardOutput.write(Data((DownloadProgressLine.format(progress) + "\n").utf8))
        case .bar:
            var text = "\r\u{1B}[K"
            if let line { text += line + "\n" }
            text += bar()
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Of the bytes expected by downloads under way or done, how many came; nil while no total is known.
    private var percent: Int? {
        let known = bytes.values.compactMap { entry in entry.total.map { (entry.received, $0) } }
        let expected = known.reduce(Int64(0)) { $0 + $1.1 }
        guard expected > 0 else { return nil }
        return Int(min(100, known.reduce(Int64(0)) { $0 + $1.0 } * 100 / expected))
    }

    /// `[#########-----------] 1/3 done · 42% · 12.3 MB`
    private func bar() -> String {
        let received = bytes.values.reduce(Int64(0)) { $0 + $1.received }
        let counts = trn("%d/%d done", "%d/%d done", total, done, total)
            + (failed > 0 ? " · " + trn("%d failed", "%d failed", failed) : "")
            + (percent.map { " · " + tr("%d%%", $0) } ?? "") + " · " + MediaText.size(received)
        return ProgressBar.line(counts, done: percent ?? 0, of: 100, width: width)
    }
}
