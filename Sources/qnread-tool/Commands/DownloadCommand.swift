import ArgumentTables
import FeedFetching
import FeedModel
import FeedRefresh
import FeedStorage
import Foundation
import Localization
import ReaderConfig
import ReaderCore
import ReaderRuntime
import TextSafety

// `qnread download [ARTICLE-ID…] [--all-new]`: podboat's job. Queues the enclosures named (or every new one), then
// downloads everything queued, resuming what a killed run left; the reader runs it as its background child.
struct DownloadCommand {
    static let table = CommandTable(
        "download",
        abstract: N_("Download enclosures (podcasts): the named articles', every new one, or those queued."),
        // xgettext:no-c-format
        discussion: N_("Files go under config.toml's download_dir (default: the XDG download directory's qnread folder), named by download_name (default \"%f/%t.%e\": feed title, article title, extension), made safe whatever the feed says. Each is written to NAME.part and renamed once whole; an interrupted download resumes with an HTTP Range next time. max_downloads run at once; one over max_download_mb is stopped. With no argument, downloads what is queued (the reader's d). Exits non-zero when any download failed."),
        rows: GlobalOptions.rows + [
            .positional("article-id", .integer, repeating: true, required: false,
                        help: N_("Download these articles' enclosures (see `qnread enclosures`).")),
            .flag("all-new", help: N_("Queue every enclosure never downloaded nor queued.")),
            .flag("progress-lines", help: "", hidden: true),
        ],
        run: { try DownloadCommand($0).run() })

    var global: GlobalOptions
    var articleIDs: [Int64]
    var allNew: Bool
    var progressLines: Bool

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
        articleIDs = values.int64s("article-id")
        allNew = values.flag("all-new")
        progressLines = values.flag("progress-lines")
    }

    func run() throws {
        let config = ToolConfiguration.load(from: global.configFile)
        let say: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        if progressLines { signal(SIGPIPE, SIG_DFL) }
        for error in config.errors {
            let text = error.description(in: ToolLanguage.catalogue)
            progressLines ? say(tr("warning: %s", text)) : Terminal.warn(text)
        }
        let store = try global.openStore(usingKillfile: !progressLines, loaded: config)
        let wanted = try queue(store)
        // A second run (the reader's, a cron job's) waits here, then finds only what is still queued.
        let lock = try DownloadLock(beside: store.path)
        defer { withExtendedLifetime(lock) {} }
        var items = try store.pendingDownloads()
        if !articleIDs.isEmpty { items = items.filter { wanted.contains($0.articleID) } }
        guard !items.isEmpty else {
            if !progressLines {
                print(articleIDs.isEmpty && !allNew ? tr("Nothing queued (qnread download --all-new, or article ids)") : tr("Nothing to download"))
            }
            return
        }
        let settings = config.settings
        let downloader = EnclosureDownloader(store: store, settings: EnclosureDownloader.Settings(
            directory: ReaderPaths.downloadDirectory(setting: settings.downloadDirectory, environment: ToolEnvironment.variables),
            name: DownloadName(template: settings.downloadName),
            maxBytes: Int64(settings.maxDownloadMB) * 1_000_000,
            concurrency: settings.maxDownloads,
            fetch: Self.fetchSettings(settings)))
        let output = DownloadOutput(total: items.count, mode: progressLines ? .reader : Terminal.stdoutIsTerminal ? .bar : .lines,
                                    width: ReloadOutput.terminalWidth)
        let pending = items
        let tally = runBlocking { await downloader.run(pending) { output.show($0) } }
        output.finish(tally)
        if tally.failed > 0 { throw ExitCode.failure }
    }

    /// Queues what the arguments name; the articles named, for the run to keep to.
    private func queue(_ store: FeedStore) throws -> Set<ArticleID> {
        let ids = articleIDs.map { ArticleID($0) }
        var toQueue: [EnclosureItem] = []
        for id in ids {
            let items = try store.enclosures(ofArticles: [id])
            guard !items.isEmpty else {
                throw CommandFailure(try store.article(id) == nil
                                     ? tr("no article %s in %s (see `qnread enclosures`)", String(id.rawValue), store.path)
                                     : tr("article %s has no enclosure", String(id.rawValue)))
            }
            for item in items where item.download?.phase == .done {
                if !progressLines { print(tr("already downloaded: %s", SafeText.line(item.download?.path ?? ""))) }
            }
            toQueue += items
        }
        if allNew { toQueue += try store.enclosures(newOnly: true, limit: 100_000) }
        try store.queueDownloads(toQueue.map(\.id))
        return Set(ids)
    }

    /// A feed's limits suit a feed: a download may take hours, as long as bytes keep coming.
    static func fetchSettings(_ settings: Settings) -> FetchSettings {
        var fetch = FetchSettings(userAgent: FetchSettings.userAgent(version: QnReadVersion.string), catalogue: ToolLanguage.catalogue)
        fetch.totalTimeout = 24 * 3600
        fetch.retries = 0
        if let bytes = settings.lowSpeedBytesPerSecond { fetch.lowSpeedBytesPerSecond = bytes }
        if let seconds = settings.lowSpeedSeconds { fetch.lowSpeedSeconds = seconds }
        return fetch
    }
}
