import ArgumentTables
import FeedList
import FeedRefresh
import FeedStorage
import Foundation
import Localization
import ReaderConfig
import ReaderRuntime

struct ReloadCommand {
    static let table = CommandTable(
        "reload",
        abstract: N_("Fetch, parse and store every feed of the list, or the named ones."),
        discussion: N_("Up to 24 fetches at once (config.toml's max_parallel_fetches), 2 per host. On a terminal a progress bar shows feeds done, new articles and failures; otherwise one line per feed. Exits non-zero when any feed failed; failures are recorded on the feed and its stored articles are kept. Safe to run while the reader is open on the same database. Afterwards the retention settings apply (--keep and --max-age, else config.toml's retention_per_feed and retention_days), as the reader's own reload applies them. With [sync] in config.toml, the server is the feeds list: reload syncs with it instead (`qnread sync`)."),
        rows: GlobalOptions.rows
            + [.positional("urls", repeating: true, required: false, help: N_("Feed URLs to reload (default: every feed of the list)."))]
            + FetchOptions.rows + RetentionOptions.rows
            + [.flag("progress-lines", help: "", hidden: true)],
        run: { try ReloadCommand($0).run() })

    var global: GlobalOptions
    var urls: [String]
    var fetch: FetchOptions
    var retention: RetentionOptions
    var progressLines: Bool

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        urls = values.strings("urls")
        fetch = try FetchOptions(values)
        retention = try RetentionOptions(values)
        progressLines = values.flag("progress-lines")
    }

    func run() throws {
        MallocTuning.keepFreedMemory()
        let config = ToolConfiguration.load(from: global.configFile)
        if let account = config.sync { return try sync(account, config: config) }
        if progressLines { return try runForReader(config: config) }
        let onTerminal = Terminal.stdoutIsTerminal
        let width = ReloadOutput.terminalWidth
        let summary = try reload(config: config, warn: { Terminal.warn($0) }) { progress in
            if onTerminal {
                var text = "\r\u{1B}[K"
                if progress.last.isFailure { text += ReloadOutput.line(progress.last) + "\n" }
                text += ReloadOutput.bar(progress, width: width)
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                print(ReloadOutput.line(progress.last))
            }
        }
        if onTerminal { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
        print(ReloadOutput.summary(summary))
        NewArticlesAnnouncement.announce(summary.newArticles, feeds: summary.reports.filter { $0.newArticles > 0 }.count, config: config,
                 warn: { Terminal.warn($0) })
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }

    /// For the reader that started this reload: one `progress DONE TOTAL FAILED` line per feed, warnings as plain
    /// lines, on a pipe the reader reads. When the reader quits, the pipe closes and the next write ends this
    /// process (SIGPIPE), between two transactions or inside one that SQLite then rolls back.
    private func runForReader(config: ReaderConfiguration) throws {
        signal(SIGPIPE, SIG_DFL)
        // Unbuffered, so the reader sees each feed as it finishes.
        @Sendable func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        let summary = try reload(config: config, warn: { say(tr("warning: %s", $0)) }) {
            say(ReloadProgressLine.format(done: $0.done, total: $0.total, failed: $0.failures))
        }
        let notice = NewArticlesAnnouncement.announce(summary.newArticles, feeds: summary.reports.filter { $0.newArticles > 0 }.count, config: config,
                              warn: { say(tr("warning: %s", $0)) })
        if let notice { say(ReloadProgressLine.notice(notice)) }
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }

    /// With a sync server: a sync instead, its steps as progress for the reader, its summary or its failure as the
    /// last line. The server fetches the feeds; the URLs named, if any, are among them.
    private func sync(_ account: SyncAccount, config: ReaderConfiguration) throws {
        let say: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        if progressLines {
            signal(SIGPIPE, SIG_DFL)
            for error in config.errors { say(tr("warning: %s", error.description(in: ToolLanguage.catalogue))) }
        } else {
            for error in config.errors { Terminal.warn(error.description(in: ToolLanguage.catalogue)) }
        }
        let store = try global.openStore(loaded: config)
        let settings = fetch.settings(config: config.settings)
        let progressLines = progressLines
        let outcome: Result<SyncReport, SyncError> = runBlocking {
            do throws(SyncError) {
                let session = ServerSync.session(account, store: store, settings: settings)
                return .success(try await session.run(progress: { step in
                    if progressLines { say(ReloadProgressLine.format(done: step, total: SyncSession.stepCount, failed: 0)) }
                }))
            } catch {
                return .failure(error)
            }
        }
        // As after a reload: what the sync stored (all of it, or the pages it finished) is trimmed.
        do {
            try store.applyRetention(retention.policy(config: config.settings), now: Date())
        } catch {
            progressLines ? say(tr("warning: %s", tr("retention: %s", "\(error)"))) : Terminal.warn(tr("retention: %s", "\(error)"))
        }
        switch outcome {
        case .success(let report):
            let notice = NewArticlesAnnouncement.announce(report.newArticles, feeds: nil, config: config,
                                  warn: { progressLines ? say(tr("warning: %s", $0)) : Terminal.warn($0) })
            if progressLines, let notice { say(ReloadProgressLine.notice(notice)) }
            if progressLines {
                say(ReloadProgressLine.summary(ServerSync.summary(report, forReader: true)))
            } else {
                print(ServerSync.summary(report))
            }
        case .failure(let error):
            if progressLines {
                say(ReloadProgressLine.summary(ServerSync.failure(error, store: store, forReader: true)))
                throw ExitCode.failure
            }
            throw CommandFailure(ServerSync.failure(error, store: store))
        }
    }

    /// The reload itself, the same for both outputs: the feeds list synced, then every feed or the named ones,
    /// under config.toml's fetch limits (a cron reload honours them too) unless options say otherwise, then
    /// the retention settings.
    private func reload(config: ReaderConfiguration, warn: @escaping @Sendable (String) -> Void,
                        progress: @escaping @Sendable (RefreshProgress) -> Void) throws -> RefreshSummary {
        for error in config.errors { warn(error.description(in: ToolLanguage.catalogue)) }
        let refresher = Refresher(store: try global.openStore(usingKillfile: !progressLines, loaded: config),
                                  settings: fetch.settings(config: config.settings))
        let urls = urls
        let locations = FeedListLocations(environment: ToolEnvironment.variables)
        let systemConfig = SystemConfig.load(locations.systemConfig)
        let outcome: Result<RefreshSummary, Error> = runBlocking {
            do {
                return .success(try await refresher.reload(locations, systemConfig: systemConfig, only: urls,
                                                           warn: warn, progress: progress))
            } catch {
                return .failure(error)
            }
        }
        let summary = try outcome.get()
        // Failed feeds do not stop it: what the others stored is trimmed all the same.
        do {
            try refresher.store.applyRetention(retention.policy(config: config.settings), now: Date())
        } catch {
            warn(tr("retention: %s", "\(error)"))
        }
        return summary
    }
}
