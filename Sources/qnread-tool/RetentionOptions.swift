import ArgumentTables
import FeedStorage
import Localization
import ReaderCore

/// How many articles `cleanup` and `reload` keep. For `reload`, an option given wins over config.toml's
/// retention_per_feed / retention_days; `cleanup` drops only what its options name.
struct RetentionOptions {
    var keep: Int?
    var maxAge: Int?

    static let rows: [ArgumentRow] = [
        .option("keep", .integer, valueName: "N", help: N_("Keep at most N articles per feed, plus its starred ones.")),
        .option("max-age", .integer, valueName: "days", help: N_("Drop articles older than this many days.")),
    ]

    init(_ values: ParsedValues) throws {
        keep = values.int("keep")
        maxAge = values.int("max-age")
        if let keep, keep < 0 { throw UsageError(tr("--keep must be 0 or more")) }
        if let maxAge, maxAge < 1 { throw UsageError(tr("--max-age must be at least 1 day")) }
    }

    /// The options alone.
    var policy: RetentionPolicy { RetentionPolicy(maxArticlesPerFeed: keep, maxAgeDays: maxAge) }

    /// The options, else config.toml's settings, where 0 keeps everything.
    func policy(config: Settings) -> RetentionPolicy {
        RetentionPolicy(maxArticlesPerFeed: keep ?? (config.retentionPerFeed > 0 ? config.retentionPerFeed : nil),
                        maxAgeDays: maxAge ?? (config.retentionDays > 0 ? config.retentionDays : nil))
    }
}
