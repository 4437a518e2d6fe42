import ArgumentParser
import FeedStorage

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count feeds, articles and unread articles, and show the database size."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Also check the database's integrity (slower); exit 1 if it is damaged.")
    var check = false

    func run() throws {
        let store = try global.openStore()
        let stats = try store.statistics()
        print("database  \(store.path)")
        print("feeds     \(stats.feeds)")
        print("articles  \(stats.articles)")
        print("unread    \(stats.unread)")
        print("starred   \(stats.starred)")
        print("size      \(CommandOutput.size(stats.fileSize)) (\(CommandOutput.size(stats.reclaimableSize)) reclaimable by `qnread cleanup`)")
        if check {
            let problems = try store.integrityProblems()
            print("integrity \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))")
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}
