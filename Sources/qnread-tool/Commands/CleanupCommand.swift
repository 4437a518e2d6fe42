import ArgumentParser
import FeedStorage
import Foundation

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Drop old articles (never starred ones) and give the space back.",
        discussion: "With neither --keep nor --max-age, nothing is dropped; the file is still compacted."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Keep at most N articles per feed, plus its starred ones.", valueName: "N"))
    var keep: Int?

    @Option(name: .customLong("max-age"), help: ArgumentHelp("Drop articles older than this many days.", valueName: "days"))
    var maxAge: Int?

    func validate() throws {
        if let keep, keep < 0 { throw ValidationError("--keep must be 0 or more") }
        if let maxAge, maxAge < 1 { throw ValidationError("--max-age must be at least 1 day") }
    }

    func run() throws {
        let store = try global.openStore()
        let before = try store.statistics().fileSize
        let removed = try store.applyRetention(RetentionPolicy(maxArticlesPerFeed: keep, maxAgeDays: maxAge), now: Date())
        try store.compact()
        let after = try store.statistics().fileSize
        print("removed \(removed) articles; database \(CommandOutput.size(before)) → \(CommandOutput.size(after))")
    }
}
