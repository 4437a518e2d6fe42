import ArgumentTables
import FeedModel
import FeedParsing
import Foundation
import Localization
import ReaderCore
import ScreenKit
import TextSafety

// `qnread enclosures [--json] [--new]`: podcasts and other enclosures across feeds, newest first, with where each
// download stands.
struct EnclosuresCommand {
    static let defaultLimit = 200

    static let table = CommandTable(
        "enclosures",
        abstract: N_("List enclosures (podcasts) across feeds, newest first, with their download state."),
        // xgettext:no-c-format
        discussion: N_("Each line: article id, date, state (new, queued, downloading N%, done, failed), feed, title, type, size and duration; then the file of a done download or the reason of a failed one. `qnread download` downloads them."),
        rows: GlobalOptions.rows + [
            .flag("new", help: N_("Only enclosures never downloaded nor queued.")),
            .option("limit", .integer, default: String(defaultLimit), help: N_("At most this many articles' enclosures.")),
            .flag("json", help: N_("Print JSON.")),
        ],
        run: { try EnclosuresCommand($0).run() })

    var global: GlobalOptions
    var new: Bool
    var limit: Int
    var json: Bool

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
        new = values.flag("new")
        limit = values.int("limit") ?? Self.defaultLimit
        json = values.flag("json")
    }

    func run() throws {
        let store = try global.openStore()
        let items = try store.enclosures(newOnly: new, limit: max(0, limit))
        if json { return try CommandOutput.printJSON(items.map(EnclosureJSON.init)) }
        for item in items { print(Self.line(item)) }
    }

    /// `    42  2026-12-01 10:00  done            Balado  Épisode 7  (audio/mpeg, 40.6 MB, 42:17)  /home/…/ep7.mp3`
    static func line(_ item: EnclosureItem) -> String {
        let number = String(item.articleID.rawValue)
        let state = PodcastText.state(item.download, in: ToolLanguage.catalogue)
        var line = String(repeating: " ", count: max(0, 6 - number.count)) + number + "  " + CommandOutput.shortDate(item.date)
            + "  " + state + String(repeating: " ", count: max(0, 16 - DisplayWidth.of(state)))
            + "  " + SafeText.line(item.feedTitle) + "  " + SafeText.line(item.enclosure.title ?? item.articleTitle)
        let details = MediaText.details(of: item.enclosure)
        if !details.isEmpty { line += "  (" + SafeText.line(details) + ")" }
        switch item.download?.phase {
        case .done?: line += "  " + SafeText.line(item.download?.path ?? "")
        case .failed?: line += "  " + SafeText.line(item.download?.error ?? "")
        default: break
        }
        return line
    }
}

/// One enclosure as `enclosures --json` prints it: raw numbers for programs, sizes and durations as people read them.
struct EnclosureJSON: Encodable {
    var article: Int64
    var feed: String
    var title: String
    var date: String
    var enclosure: ArticleJSON.EnclosureJSON
    var state: String
    var percent: Int?
    var received: Int64?
    var total: Int64?
    var path: String?
    var error: String?

    init(_ item: EnclosureItem) {
        article = item.articleID.rawValue
        feed = SafeText.line(item.feedTitle)
        title = SafeText.line(item.articleTitle)
        date = FeedDate.rfc3339(item.date)
        enclosure = ArticleJSON.EnclosureJSON(item.enclosure)
        state = item.download?.phase.rawValue ?? "new"
        if let download = item.download {
            percent = download.phase == .downloading ? download.percent : nil
            received = download.received
            total = download.total
            path = download.path.map(SafeText.line)
            error = download.error.map(SafeText.line)
        }
    }
}
