import ArgumentParser

struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        _superCommandName: "qnread",
        abstract: tr("List, add, remove, import, export and check subscribed feeds."),
        discussion: tr("The feeds list is the admin's $QNREAD_SYSTEM_FEEDS (default /etc/qnread/feeds), then the reader's $XDG_CONFIG_HOME/qnread/feeds, in newsboat's `urls` format. Edits keep comments and order."),
        subcommands: [
            FeedsListCommand.self,
            FeedsAddCommand.self,
            FeedsRemoveCommand.self,
            FeedsImportCommand.self,
            FeedsExportCommand.self,
            FeedsCheckCommand.self,
        ]
    )
}
