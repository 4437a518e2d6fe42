import ArgumentTables
import FeedList
import FeedParsing
import Foundation
import Localization

struct FeedsImportCommand {
    static let table = CommandTable(
        "import",
        abstract: N_("Add the feeds of an OPML file or a newsboat urls file to your list (or the system list)."),
        discussion: N_("OPML folders and categories become tags. Feeds already listed get the new tags; nothing is removed."),
        rows: [.positional("file", help: N_("An OPML file (.opml) or a feeds list in newsboat's urls format."))] + FeedListChoice.rows,
        run: { try FeedsImportCommand($0).run() })

    var file: String
    var list: FeedListChoice

    init(_ values: ParsedValues) {
        file = values.string("file") ?? ""
        list = FeedListChoice(values)
    }

    func run() throws {
        let source = URL(fileURLWithPath: file)
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw FeedsFailure(tr("%s: cannot be read (%s)", file, (error as NSError).localizedDescription))
        }
        let imported: FeedListImport
        do {
            imported = try FeedListImport(data, name: file)
        } catch {
            throw FeedsFailure(error.message)
        }
        for problem in imported.problems { Terminal.warn(ToolLanguage.catalogue.text(of: problem)) }
        let editing = FeedListEditing()
        var (target, path) = editing.editableFile(system: list.system)
        var added = 0, merged = 0
        for entry in imported.entries {
            let known = target.entry(for: entry.url) != nil
            if target.add(entry) { known ? (merged += 1) : (added += 1) }
        }
        if added + merged > 0 { try target.save(to: path) }
        let unchanged = imported.entries.count - added - merged
        print(file + tr(": ") + trn("%d feeds added", "%d feeds added", added) + ", " + trn("%d updated", "%d updated", merged) + ", "
              + trn("%d already listed", "%d already listed", unchanged) + ", " + tr("in %s", path.path))
    }
}
