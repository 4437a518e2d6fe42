import ArgumentParser
import FeedList
import FeedModel
import Foundation
import TextSafety

struct FeedsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a feed from your list; a feed of the system list is hidden for you with !URL.",
        discussion: "Stored articles stay in the database until `qnread cleanup`."
    )

    @Argument(help: "The feed's URL, as `qnread feeds list` shows it.")
    var url: String

    @OptionGroup var list: FeedListChoice

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let editing = FeedListEditing(configPath: global.config)
        if let account = editing.sync, !list.system {
            let store = try global.openStore()
            guard editing.layers.feeds.contains(where: { $0.url == url }) || (try? store.serverFeedID(url: url)) != nil else {
                throw FeedsFailure("\(URLText.printable(url)) is not a subscription of the sync server")
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
            throw FeedsFailure("\(URLText.printable(url)) is not in \(list.system ? path.path : "any feeds list")")
        }
        try file.save(to: path)
        print(hidden ? "hid \(URLText.printable(url)) (a system feed) in \(path.path)" : "removed \(URLText.printable(url)) from \(path.path)")
    }
}
