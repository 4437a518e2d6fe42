import ArgumentParser
import FeedModel
import FeedStorage

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        _superCommandName: "qnread",
        abstract: "Mark articles read, unread, starred or not starred.",
        discussion: "Article ids are the first column of `qnread articles` and `qnread search`."
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

    @Argument(help: "read, unread, star or unstar.")
    var change: Change

    @Argument(help: "Article ids.")
    var ids: [Int64]

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("name at least one article id") }
    }

    func run() throws {
        let store = try global.openStore()
        let wanted = ids.map { ArticleID(rawValue: $0) }
        let stored = try store.statuses(wanted)
        let missing = wanted.filter { stored[$0] == nil }
        guard missing.isEmpty else {
            throw CommandFailure("no article with id \(missing.map(\.description).joined(separator: ", "))")
        }
        let changed = try store.mark(.articles(wanted), change.statusChange)
        print("\(changed) of \(Set(wanted).count) articles changed")
    }
}
