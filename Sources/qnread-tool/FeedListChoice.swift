import ArgumentTables
import Localization

/// Which feeds list `feeds add`, `remove` and `import` edit: the reader's own, or with `--system` the admin's.
struct FeedListChoice {
    var system: Bool

    static let rows: [ArgumentRow] = [
        .flag("system", help: N_("Edit the system list ($QNREAD_SYSTEM_FEEDS, default /etc/qnread/feeds).")),
    ]

    init(_ values: ParsedValues) {
        system = values.flag("system")
    }
}
