import ArgumentTables
import FeedModel
import FeedStorage
import Localization
import TextSafety

struct StatsCommand {
    static let table = CommandTable(
        "stats",
        abstract: N_("Count feeds, articles and unread articles, and show the database size."),
        rows: GlobalOptions.rows + [
            .flag("check", help: N_("Also check the database's integrity (slower); exit 1 if it is damaged.")),
            .flag("json", help: N_("Print JSON: database, feeds, articles, unread, starred, hidden, bytes, reclaimableBytes (and integrity).")),
        ],
        run: { try StatsCommand($0).run() })

    var global: GlobalOptions
    var check: Bool
    var json: Bool

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
        check = values.flag("check")
        json = values.flag("json")
    }

    func run() throws {
        let store = try global.openStore()
        let stats = try store.statistics()
        let problems = check ? try store.integrityProblems() : nil
        if json {
            try CommandOutput.printJSON(StatsJSON(path: store.path, stats, problems: problems))
        } else {
            let number = ToolLanguage.catalogue.number
            var rows = [(tr("database"), store.path), (tr("feeds"), number(stats.feeds)), (tr("articles"), number(stats.articles)),
                        (tr("unread"), number(stats.unread)), (tr("starred"), number(stats.starred))]
            if stats.hidden > 0 {
                rows.append((tr("hidden"), tr("%d (by the killfile, config.toml's [[ignore]])", stats.hidden)))
            }
            rows.append((tr("size"), tr("%s (%s reclaimable by `qnread cleanup`)", MediaText.size(stats.fileSize),
                                        MediaText.size(stats.reclaimableSize))))
            if let problems { rows.append((tr("integrity"), problems.isEmpty ? tr("ok") : problems.joined(separator: "; "))) }
            // Labels padded to the longest, at least 9 columns as before: a column whatever the language.
            let width = max(9, rows.map { $0.0.count }.max() ?? 0)
            for (label, value) in rows { print(label + String(repeating: " ", count: width + 1 - label.count) + value) }
        }
        if problems?.isEmpty == false { throw ExitCode.failure }
    }
}

/// `stats --json`: the counts as numbers, sizes in bytes; `integrity` (with --check) lists problems, [] when sound.
private struct StatsJSON: Encodable {
    var database: String
    var feeds: Int
    var articles: Int
    var unread: Int
    var starred: Int
    var hidden: Int
    var bytes: Int64
    var reclaimableBytes: Int64
    var integrity: [String]?

    init(path: String, _ stats: StoreStatistics, problems: [String]?) {
        database = SafeText.line(path)
        feeds = stats.feeds
        articles = stats.articles
        unread = stats.unread
        starred = stats.starred
        hidden = stats.hidden
        bytes = stats.fileSize
        reclaimableBytes = stats.reclaimableSize
        integrity = problems.map { $0.map(SafeText.line) }
    }
}
