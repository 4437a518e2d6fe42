import ArgumentTables
import FeedModel
import FeedStorage
import Localization
import TextSafety

struct SearchCommand {
    static let defaultLimit = 20

    static let table = CommandTable(
        "search",
        abstract: N_("Search stored articles, accents and case ignored."),
        discussion: N_("Words must all match; mot* is a prefix; \"quoted words\" (or « … ») are a phrase; -mot excludes.\nFilters: feed:URL tag:NAME is:unread is:starred after:YYYY-MM-DD before:YYYY-MM-DD; alone, with no word, they list what they keep, newest first.\nEach hit: the article line, then its snippet with matches in [brackets]."),
        rows: GlobalOptions.rows + [
            // Words that name no option belong to the query, so `-emploi` excludes instead of being refused.
            .positional("words", repeating: true, required: false, takesUnknownOptions: true,
                        help: N_("The search, e.g. québec numéri* -emploi.")),
            .option("feed", valueName: "url", help: N_("Only this feed.")),
            .flag("unread", help: N_("Only unread articles.")),
            .option("limit", .integer, default: String(defaultLimit), help: N_("At most this many hits.")),
            .flag("json", help: N_("Print JSON.")),
        ],
        run: { try SearchCommand($0).run() })

    var global: GlobalOptions
    var words: [String]
    var feed: String?
    var unread: Bool
    var limit: Int
    var json: Bool

    private var query: String { words.joined(separator: " ") }

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
        words = values.strings("words")
        feed = values.string("feed")
        unread = values.flag("unread")
        limit = values.int("limit") ?? Self.defaultLimit
        json = values.flag("json")
    }

    func run() throws {
        let store = try global.openStore()
        let hits: [SearchHit]
        do {
            hits = try store.search(query, filter: SearchFilter(feedURL: feed, unreadOnly: unread), limit: max(0, limit))
        } catch let error as SearchQueryError {
            throw CommandFailure(error.text(in: ToolLanguage.catalogue))
        }
        if json {
            try CommandOutput.printJSON(hits.map(HitJSON.init))
            return
        }
        for hit in hits {
            print(hit.article.terminalLine)
            guard !hit.snippet.isEmpty else { continue }
            let snippet = hit.snippet.map { $0.isMatch ? "[" + $0.text + "]" : $0.text }.joined()
            print("        " + SafeText.line(snippet))
        }
    }
}

private struct HitJSON: Encodable {
    struct Segment: Encodable {
        var text: String
        var match: Bool
    }

    var article: ArticleJSON
    var snippet: [Segment]

    init(_ hit: SearchHit) {
        article = ArticleJSON(hit.article)
        snippet = hit.snippet.map { Segment(text: SafeText.line($0.text), match: $0.isMatch) }
    }
}
