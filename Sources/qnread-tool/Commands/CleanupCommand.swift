import ArgumentTables
import FeedModel
import FeedStorage
import Foundation
import Localization

struct CleanupCommand {
    static let table = CommandTable(
        "cleanup",
        abstract: N_("Drop old articles (never starred ones) and give the space back."),
        discussion: N_("With neither --keep nor --max-age, nothing is dropped; the file is still compacted."),
        rows: GlobalOptions.rows + RetentionOptions.rows,
        run: { try CleanupCommand($0).run() })

    var global: GlobalOptions
    var retention: RetentionOptions

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        retention = try RetentionOptions(values)
    }

    func run() throws {
        let store = try global.openStore()
        let before = try store.statistics().fileSize
        let removed = try store.applyRetention(retention.policy, now: Date())
        try store.compact()
        let after = try store.statistics().fileSize
        print(trn("removed %d articles", "removed %d articles", removed) + "; "
              + tr("database %s → %s", MediaText.size(before), MediaText.size(after)))
    }
}
