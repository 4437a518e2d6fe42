import ArgumentTables
import FeedList
import FeedModel
import Foundation
import Localization
import TextSafety

struct FeedsRemoveCommand {
    static let table = CommandTable(
        "remove",
        abstract: N_("Remove a feed from your list; a feed of the system list is hidden for you with !URL."),
        discussion: N_("Stored articles stay in the database until `qnread cleanup`."),
        rows: [.positional("url", help: N_("The feed's URL, as `qnread feeds list` shows it."))] + FeedListChoice.rows + GlobalOptions.rows,
        run: { try FeedsRemoveCommand($0).run() })

    var url: String
    var list: FeedListChoice
    var global: GlobalOptions

    init(_ values: ParsedValues) {
        url = values.string("url") ?? ""
        list = FeedListChoice(values)
        global = GlobalOptions(values)
    }

    func run() throws {
        let editing = FeedListEditing(configPath: global.config)
        if let account = editing.sync, !list.system {
            let store = try global.openStore()
            guard editing.layers.feeds.contains(where: { $0.url == url }) || (try? store.serverFeedID(url: url)) != nil else {
                throw FeedsFailure(tr("%s is not a subscription of the sync server", URLText.printable(url)))
            }
            return print(try ServerSync.changeSubscription(url, subscribe: false, account: account,
                                                           store: store, settings: FeedsAddCommand.serverSettings))
        }
        var (file, path) = editing.editableFile(system: list.system)
        let removed = file.remove(url: url)
        var hidden = false
        if !list.system {
            // Still inherited from the system or remote list: leave it out for this reader.
            let inherited = [editing.layers.system, editing.layers.remote].contains { $0?.entry(for: url) != nil }
            if inherited { hidden = file.exclude(url: url) }
        }
        guard removed || hidden else {
            throw FeedsFailure(list.system ? tr("%s is not in %s", URLText.printable(url), path.path)
                                           : tr("%s is not in any feeds list", URLText.printable(url)))
        }
        try file.save(to: path)
        print(hidden ? tr("hid %s (a system feed) in %s", URLText.printable(url), path.path)
                     : tr("removed %s from %s", URLText.printable(url), path.path))
    }
}
