import ArgumentParser
import FeedModel
import FeedStorage
import Foundation

struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        _superCommandName: "qnread",
        abstract: tr("Drop old articles (never starred ones) and give the space back."),
        discussion: tr("With neither --keep nor --max-age, nothing is dropped; the file is still compacted.")
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var retention: RetentionOptions

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
