import ArgumentParser
import FeedModel
import FeedStorage
import TextSafety

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        _superCommandName: "qnread",
        abstract: tr("Search stored articles, accents and case ignored."),
        discussion: tr("Words must all match; mot* is a prefix; \"quoted words\" (or « … ») are a phrase; -mot excludes.\nFilters: feed:URL tag:NAME is:unread is:starred after:YYYY-MM-DD before:YYYY-MM-DD; alone, with no word, they list what they keep, newest first.\nEach hit: the article line, then its snippet with matches in [brackets].")
    )

    @OptionGroup var global: GlobalOptions

    // Unrecognized words belong to the query, so `-emploi` excludes instead of being read as an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(tr("The search, e.g. québec numéri* -emploi.")))
    var words: [String] = []

    private var query: String { words.joined(separator: " ") }

    @Option(help: ArgumentHelp(tr("Only this feed."), valueName: "url"))
    var feed: String?

    @Flag(help: ArgumentHelp(tr("Only unread articles.")))
    var unread = false

    @Option(help: ArgumentHelp(tr("At most this many hits.")))
    var limit = 20

    @Flag(help: ArgumentHelp(tr("Print JSON.")))
    var json = false

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
