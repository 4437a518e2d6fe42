import ArgumentTables
import FeedModel
import FeedStorage
import Localization

struct MarkCommand {
    static let table = CommandTable(
        "mark",
        abstract: N_("Mark articles read, unread, starred or not starred."),
        discussion: N_("Article ids are the first column of `qnread articles` and `qnread search`."),
        rows: GlobalOptions.rows + [
            .positional("change", .choice(Change.allCases.map { $0.rawValue }), help: N_("read, unread, star or unstar.")),
            .positional("ids", .integer, repeating: true, help: N_("Article ids.")),
        ],
        run: { try MarkCommand($0).run() })

    enum Change: String, CaseIterable {
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

    var global: GlobalOptions
    var change: Change
    var ids: [Int64]

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        change = values.string("change").flatMap(Change.init(rawValue:)) ?? .read
        ids = values.int64s("ids")
        guard !ids.isEmpty else { throw UsageError(tr("name at least one article id")) }
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
