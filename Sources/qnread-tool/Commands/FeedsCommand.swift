import ArgumentTables
import Localization

enum FeedsCommand {
    static let table = CommandTable(
        "feeds",
        abstract: N_("List, add, remove, import, export and check subscribed feeds."),
        discussion: N_("The feeds list is the admin's $QNREAD_SYSTEM_FEEDS (default /etc/qnread/feeds), then the reader's $XDG_CONFIG_HOME/qnread/feeds, in newsboat's `urls` format. Edits keep comments and order."),
        subcommands: [
            FeedsListCommand.table,
            FeedsAddCommand.table,
            FeedsRemoveCommand.table,
            FeedsImportCommand.table,
            FeedsExportCommand.table,
            FeedsCheckCommand.table,
        ])
}
