import ArgumentParser
import FeedStorage
import TextSafety

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        _superCommandName: "qnread",
        abstract: "Count feeds, articles and unread articles, and show the database size."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Also check the database's integrity (slower); exit 1 if it is damaged.")
    var check = false

    @Flag(help: "Print JSON: database, feeds, articles, unread, starred, hidden, bytes, reclaimableBytes (and integrity).")
    var json = false

    func run() throws {
        let store = try global.openStore()
        let stats = try store.statistics()
        let problems = check ? try store.integrityProblems() : nil
        if json {
            try CommandOutput.printJSON(StatsJSON(path: store.path, stats, problems: problems))
        } else {
            print("database  \(store.path)")
            print("feeds     \(stats.feeds)")
            print("articles  \(stats.articles)")
            print("unread    \(stats.unread)")
            print("starred   \(stats.starred)")
            if stats.hidden > 0 { print("hidden    \(stats.hidden) (by the killfile, config.toml's [[ignore]])") }
            print("size      \(CommandOutput.size(stats.fileSize)) (\(CommandOutput.size(stats.reclaimableSize)) reclaimable by `qnread cleanup`)")
            if let problems { print("integrity \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))") }
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
