import ArgumentParser
import FeedStorage
import ReaderCore

/// How many articles `cleanup` and `reload` keep. For `reload`, an option given wins over config.toml's
/// retention_per_feed / retention_days; `cleanup` drops only what its options name.
struct RetentionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(tr("Keep at most N articles per feed, plus its starred ones."), valueName: "N"))
    var keep: Int?

    @Option(name: .customLong("max-age"), help: ArgumentHelp(tr("Drop articles older than this many days."), valueName: "days"))
    var maxAge: Int?

    func validate() throws {
        if let keep, keep < 0 { throw ValidationError(tr("--keep must be 0 or more")) }
        if let maxAge, maxAge < 1 { throw ValidationError(tr("--max-age must be at least 1 day")) }
    }

    /// The options alone.
    var policy: RetentionPolicy { RetentionPolicy(maxArticlesPerFeed: keep, maxAgeDays: maxAge) }

    /// The options, else config.toml's settings, where 0 keeps everything.
    func policy(config: Settings) -> RetentionPolicy {
        RetentionPolicy(maxArticlesPerFeed: keep ?? (config.retentionPerFeed > 0 ? config.retentionPerFeed : nil),
                        maxAgeDays: maxAge ?? (config.retentionDays > 0 ? config.retentionDays : nil))
    }
}
