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

    func run() throws {
        let editing = FeedListEditing()
        var (file, path) = editing.editableFile(system: list.system)
        let removed = file.remove(url: url)
        var hidden = false
        if !list.system {
            // Still inherited from the system or remote list: leave it out for this reader.
            let inherited = [editing.layers.system, editing.layers.remote].contains { $0?.entry(for: url) != nil }
            if inherited { hidden = file.exclude(url: url) }
        }
        guard removed || hidden else {
            throw FeedsFailure("\(url) is not in \(list.system ? path.path : "any feeds list")")
        }
        try file.save(to: path)
        print(hidden ? "hid \(SafeText.collapsedLine(url)) (a system feed) in \(path.path)" : "removed \(SafeText.collapsedLine(url)) from \(path.path)")
    }
}
