import ArgumentTables
import FeedFetching
import FeedModel
import FeedParsing
import FeedRefresh
import FeedStorage
import Foundation
import Localization
import TextSafety

struct ImportFileCommand {
    static let table = CommandTable(
        "import-file",
        abstract: N_("Parse local feed files straight into the store."),
        discussion: N_("Each file becomes the feed file://ABSOLUTE-PATH unless --feed-url names it. A file that cannot be read or parsed is reported and recorded as a failed fetch; its stored articles are kept."),
        rows: GlobalOptions.rows + [
            .positional("files", repeating: true, help: N_("Feed files (RSS, Atom, JSON Feed).")),
            .option("feed-url", valueName: "url", help: N_("The feed URL to store the file under (one file only).")),
        ],
        run: { try ImportFileCommand($0).run() })

    var global: GlobalOptions
    var files: [String]
    var feedURL: String?

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        files = values.strings("files")
        feedURL = values.string("feed-url")
        guard !files.isEmpty else { throw UsageError(tr("name at least one feed file")) }
        if feedURL != nil, files.count > 1 { throw UsageError(tr("--feed-url names one feed: give one file")) }
    }

    func run() throws {
        let store = try global.openStore()
        let failed = try feedURL.map { try importOne(files[0], as: $0, into: store) } ?? importAll(into: store)
        if failed { throw ExitCode.failure }
    }

    /// Every file as a `file://` feed, through the reload's own pipeline: files read and parsed on every core
    /// while the store writes the ones before. Lines come in the order the files were given; true when any failed.
    private func importAll(into store: FeedStore) -> Bool {
        let urls = files.map { URL(fileURLWithPath: $0).standardizedFileURL.absoluteString }
        let refresher = Refresher(store: store, settings: FetchSettings(maxBodyBytes: FeedParser.defaultMaxBytes, catalogue: ToolLanguage.catalogue), embedded: [:])
        let summary = runBlocking { await refresher.refresh(urls) }
        for (file, report) in zip(files, summary.reports) {
            let name = SafeText.line(file)
            for warning in report.warnings { CommandOutput.printWarning("\(file): \(warning)") }
            switch report.status {
            case .updated(let new, let changed): print(Self.line(name, new: new, updated: changed))
            case .unchanged, .gone: print(Self.line(name, new: 0, updated: 0))
            // The file source's own messages name the file already (“no such file: /path”); a parser's do not.
            case .failed(let message): CommandOutput.printError(message.contains(file) ? message : file + tr(": ") + message)
            }
        }
        return summary.reports.contains { $0.isFailure }
    }

    /// "FILE: 3 new, 0 updated".
    private static func line(_ name: String, new: Int, updated: Int) -> String {
        name + tr(": ") + trn("%d new", "%d new", new) + ", " + trn("%d updated", "%d updated", updated)
    }

    /// One file stored under another URL (`--feed-url`); true when it failed.
    private func importOne(_ file: String, as url: String, into store: FeedStore) throws -> Bool {
        do {
            let result = try FeedImport(store: store).importFile(URL(fileURLWithPath: file).standardizedFileURL, as: url, now: Date())
            print(Self.line(SafeText.line(file), new: result.new, updated: result.updated))
            return false
        } catch {
            CommandOutput.printError(String(describing: error))
            return true
        }
    }
}

/// Reads, parses and stores one file as the reload path stores one fetch: a failure is recorded, never applied.
struct FeedImport {
    var store: FeedStore

    func importFile(_ file: URL, as url: String, now: Date) throws -> IngestResult {
        let feed = try store.findOrCreateFeed(url: url)
        do {
            let bytes: Data
            do {
                bytes = try Data(contentsOf: file)
            } catch {
                throw CommandFailure(tr("%s: cannot read the file (%s)", file.path, (error as NSError).localizedDescription))
            }
            let parsed = try FeedParser().parse(bytes, url: file)
            for warning in parsed.warnings { CommandOutput.printWarning("\(file.path): \(warning)") }
            return try store.apply(parsed, to: feed.id, fetched: .success(httpStatus: nil, validators: FeedValidators()), now: now)
        } catch let error as FeedStoreError {
            throw error
        } catch {
            try store.recordFetch(.failure(httpStatus: nil, message: String(describing: error)), for: feed.id, at: now)
            throw error
        }
    }
}
