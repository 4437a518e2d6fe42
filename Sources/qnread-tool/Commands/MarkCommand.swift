import ArgumentParser
import FeedModel
import FeedStorage

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        _superCommandName: "qnread",
        abstract: tr("Mark articles read, unread, starred or not starred."),
        discussion: tr("Article ids are the first column of `qnread articles` and `qnread search`.")
    )

    enum Change: String, ExpressibleByArgument, CaseIterable {
        case read, unread, star, unstar

        var statusChange: StatusChange {
            switch self {
            case .read: .read
            case .unread: .unread
            case .star: .starred
            case .unstar: .unstarred
            }
        }
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(tr("read, unread, star or unstar.")))
    var change: Change

    @Argument(help: ArgumentHelp(tr("Article ids.")))
    var ids: [Int64]

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError(tr("name at least one article id")) }
    }

    func run() throws {
        let store = try global.openStore()
        let wanted = ids.map { ArticleID(rawValue: $0) }
        let stored = try store.statuses(wanted)
        let missing = wanted.filter { stored[$0] == nil }
        guard missing.isEmpty else {
            throw CommandFailure(tr("no article with id %s", missing.map(\.description).joined(separator: ", ")))
        }
        let changed = try store.mark(.articles(wanted), change.statusChange)
        print(trn("%d of %d articles changed", "%d of %d articles changed", changed, changed, Set(wanted).count))
    }
}
