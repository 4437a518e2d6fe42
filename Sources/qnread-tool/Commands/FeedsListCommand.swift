import ArgumentTables
import FeedList
import FeedModel
import Foundation
import Localization
import TextSafety

struct FeedsListCommand {
    static let table = CommandTable(
        "list",
        abstract: N_("Print the feeds every layer adds up to, in order."),
        rows: [.flag("json", help: N_("Print JSON: one object per feed (url, title, tags, hidden, origin)."))] + GlobalOptions.rows,
        run: { try FeedsListCommand($0).run() })

    var json: Bool
    var global: GlobalOptions

    init(_ values: ParsedValues) {
        json = values.flag("json")
        global = GlobalOptions(values)
    }

    func run() throws {
        let editing = FeedListEditing(configPath: global.config)
        editing.reportProblems()
        let feeds = editing.layers.feeds
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(feeds.map(FeedJSON.init)), as: UTF8.self))
            return
        }
        if editing.layers.usesBuiltInDefaults, editing.layers.server == nil {
            Terminal.warn(tr("no feeds list yet: this is the built-in default (`qnread feeds add URL` starts your own)"))
        }
        for feed in feeds {
            var line = "\(feed.origin.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(URLText.printable(feed.url))"
            if let title = feed.title { line += "  “\(SafeText.collapsedLine(title))”" }
            if !feed.tags.isEmpty { line += "  [" + feed.tags.map(SafeText.collapsedLine).joined(separator: ", ") + "]" }
            if feed.isHidden { line += "  " + tr("(hidden)") }
            print(line)
        }
    }
}

private struct FeedJSON: Encodable {
    var url: String
    var title: String?
    var tags: [String]
    var hidden: Bool
    var origin: String

    init(_ feed: SubscribedFeed) {
        url = URLText.printable(feed.url)
        title = feed.title.map(SafeText.collapsedLine)
        tags = feed.tags.map(SafeText.collapsedLine)
        hidden = feed.isHidden
        origin = feed.origin.rawValue
    }
}
