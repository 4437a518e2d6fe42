import ArgumentTables
import FeedList
import FeedParsing
import Foundation
import Localization

struct FeedsExportCommand {
    static let table = CommandTable(
        "export",
        abstract: N_("Print the feeds list, every layer merged: newsboat's urls format, or OPML 2.0 with --opml."),
        rows: [.flag("opml", help: N_("Print OPML 2.0, tags as categories."))],
        run: { try FeedsExportCommand($0).run() })

    var opml: Bool

    init(_ values: ParsedValues) {
        opml = values.flag("opml")
    }

    func run() throws {
        let editing = FeedListEditing()
        editing.reportProblems()
        let feeds = editing.layers.feeds
        if opml {
            // As newsboat's export: OPML has no place for a feed that is a query, so query and search feeds stay out.
            let queries = feeds.filter(\.isQuery).count
            if queries > 0 {
                Terminal.warn(trn("%d query or search feed left out: OPML cannot hold them (the urls format can)",
                                   "%d query or search feeds left out: OPML cannot hold them (the urls format can)", queries))
            }
            let entries = feeds.filter { !$0.isQuery }.map { OPMLFeedEntry(url: $0.url, title: $0.title, tags: $0.tags) }
            print(OPMLDocument(title: "Flux qnread", feeds: entries).xml(dateCreated: Date()), terminator: "")
        } else {
            var file = FeedListFile(name: "export", text: "# Flux qnread, toutes listes confondues\n")
            for feed in feeds {
                file.add(FeedListEntry(url: feed.url, tags: feed.tags, title: feed.title, isHidden: feed.isHidden))
            }
            print(file.text, terminator: "")
        }
    }
}
