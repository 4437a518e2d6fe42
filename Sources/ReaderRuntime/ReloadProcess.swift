import FeedModel
import FeedStorage
import Foundation
import Glibc
import Localization
import ReaderCore
import TextSafety

/// The reader's background reload: `qnread-tool reload` in a child process, the same reload as from the command
/// line (feeds list synced, then every feed or the named ones), while the reader's own process never loads the
/// network libraries. The child's output is one pipe: progress lines (ReloadProgressLine), else text whose last
/// line explains a reload that did not run. The child applies the retention settings afterwards, as `qnread
/// reload` from cron does. Called on the loop's reload thread, which it blocks until the child is done.
public struct ReloadProcess: FeedRefreshing {
    private let tool: String
    private let store: FeedStore
    private let jobs: Int
    /// The reader's config.toml, for the rest of what the child reads there; its fetch limits and retention are
    /// also passed on as options, so settings the reader was given without a file still apply.
    private let configOptions: [String]
    private let environment: [String: String]
    /// The reader's language, for a reload that did not run; the child says the rest in the same one.
    private let catalogue: Catalogue
    private let running = RunningChild()

    public init(tool: String, store: FeedStore, settings: Settings, configFile: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.tool = tool
        self.store = store
        self.jobs = max(1, settings.maxParallelFetches)
        catalogue = Catalogue(Language.chosen(setting: settings.language, environment: environment))
        // 0 keeps everything: no option, and the child has nothing to trim.
        let retention = [("--keep", settings.retentionPerFeed), ("--max-age", settings.retentionDays)]
            .map { name, value in (name, value > 0 ? value : nil) }
        configOptions = (configFile.map { ["--config", $0] } ?? [])
            + ([("--timeout", settings.fetchTimeoutSeconds), ("--low-speed-limit", settings.lowSpeedBytesPerSecond),
                ("--low-speed-time", settings.lowSpeedSeconds)] + retention)
            .flatMap { name, value in value.map { [name, String($0)] } ?? [] }
        self.environment = environment
    }

    /// The child's argv: the reader's database and config, its fetch limits and retention, and the feeds' URLs when
    /// only some are reloaded.
    func arguments(urls: [String]?) -> [String] {
        var argv = [tool, "--db", store.path, "reload", "--jobs", String(jobs)] + configOptions + ["--progress-lines"]
        if let urls { argv += ["--"] + urls }
        return argv
    }

    public func refresh(_ feeds: [FeedID]?, progress: @escaping @Sendable (ReloadProgress) -> Void) -> ReloadProgress {
        let urls = feeds.map { ids in ids.compactMap { try? store.feed($0)?.url } }
        var last = ReloadProgress(done: 0, total: urls?.count ?? 0)
        var said: String?
        let status: Int32
        do {
            status = try ChildProcess.run(arguments(urls: urls), environment: environment, tracking: running.set) { line in
                if let step = ReloadProgressLine.parse(line) {
                    let (summary, notice) = (last.summary, last.newArticlesNotice)
                    last = step
                    last.summary = summary
                    last.newArticlesNotice = notice
                    progress(step)
                } else if let notice = ReloadProgressLine.parseNotice(line) {
                    last.newArticlesNotice = SafeText.collapsedLine(notice)
                } else if let summary = ReloadProgressLine.parseSummary(line) {
                    last.summary = SafeText.collapsedLine(summary)
                } else if !line.allSatisfy(\.isWhitespace) {
                    said = SafeText.collapsedLine(String(line))
                }
            }
        } catch {
            last.problem = catalogue.text(of: error)
            return last
        }
        // A reload that failed feeds exits 1 and says so in its counts; any other failure is the child's own.
        if status != 0, last.failed == 0 || last.done == 0 {
            last.problem = said ?? ChildProcess.failure(of: tool, status: status).map(catalogue.text(of:))
        }
        return last
    }

    /// Ends a reload still running (the reader is quitting): the child gets SIGTERM, and SQLite rolls back the
    /// transaction it may be in. A child that only starts afterwards gets it as soon as it does.
    public func stop() {
        running.stop()
    }
}
