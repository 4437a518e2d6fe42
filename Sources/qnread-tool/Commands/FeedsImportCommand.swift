import ArgumentParser
import FeedList
import FeedParsing
import Foundation

struct FeedsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the feeds of an OPML file or a newsboat urls file to your list (or the system list).",
        discussion: "OPML folders and categories become tags. Feeds already listed get the new tags; nothing is removed."
    )

    @Argument(help: "An OPML file (.opml) or a feeds list in newsboat's urls format.")
    var file: String

    @OptionGroup var list: FeedListChoice

    func run() throws {
        let source = URL(fileURLWithPath: file)
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw FeedsFailure("\(file): cannot be read (\((error as NSError).localizedDescription))")
        }
        let imported = try Self.isOPML(data, name: file) ? opmlEntries(data) : urlsEntries(data)
        let editing = FeedListEditing()
        var (target, path) = editing.editableFile(system: list.system)
        var added = 0, merged = 0
        for entry in imported {
            let known = target.entry(for: entry.url) != nil
            if target.add(entry) { known ? (merged += 1) : (added += 1) }
        }
        if added + merged > 0 { try target.save(to: path) }
        let unchanged = imported.count - added - merged
        print("\(file): \(added) feeds added, \(merged) updated, \(unchanged) already listed, in \(path.path)")
    }

    /// By content, not by name: an OPML file starts with XML and has an <opml> element near the top.
    static func isOPML(_ data: Data, name: String) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("<opml") || (name.lowercased().hasSuffix(".opml") && head.contains("<"))
    }

    private func opmlEntries(_ data: Data) throws -> [FeedListEntry] {
        let document: OPMLDocument
        do {
            document = try OPMLDocument(parsing: data, source: file)
        } catch {
            throw FeedsFailure(error.message)
        }
        var entries: [FeedListEntry] = []
        for feed in document.feeds {
            if let problem = FeedListFile.problem(withURL: feed.url) {
                Terminal.warn("\(file): \(problem)")
                continue
            }
            // A leading "~" would turn a tag into a title in the feeds list.
            let tags = feed.tags.map { $0.hasPrefix("~") ? String($0.drop { $0 == "~" }) : $0 }.filter { !$0.isEmpty }
            entries.append(FeedListEntry(url: feed.url, tags: tags, title: feed.title))
        }
        return entries
    }

    private func urlsEntries(_ data: Data) throws -> [FeedListEntry] {
        let list = FeedListFile(name: file, text: String(decoding: data, as: UTF8.self))
        for problem in list.problems { Terminal.warn(problem.description) }
        return list.entries
    }
}
