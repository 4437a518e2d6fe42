import ArgumentTables
import FeedModel
import FeedStorage
import FilterLanguage
import Localization

struct ArticlesCommand {
    static let defaultLimit = 50

    static let table = CommandTable(
        "articles",
        abstract: N_("List stored articles, newest first."),
        discussion: N_("Each line: id, date, N if unread, * if starred, feed, title. --filter takes newsboat's filter language, e.g. --filter 'unread = \"yes\" and tags # \"Québec\"' or --filter 'title =~ \"logiciel libre\" and age < 7'."),
        rows: GlobalOptions.rows + [
            .option("feed", valueName: "url", help: N_("Only this feed (a query: or search: feed of the list too).")),
            .option("tag", help: N_("Only feeds with this tag.")),
            .option("filter", valueName: "expression", help: N_("Only articles this filter matches (newsboat's filter language).")),
            .flag("unread", help: N_("Only unread articles.")),
            .flag("starred", help: N_("Only starred articles.")),
            .option("limit", .integer, default: String(defaultLimit), help: N_("At most this many articles.")),
            .flag("json", help: N_("Print JSON: with each article's authors, enclosures and feed URL.")),
            .flag("content", help: N_("With --json: add each article's HTML.")),
        ],
        run: { try ArticlesCommand($0).run() })

    var global: GlobalOptions
    var feed: String?
    var tag: String?
    var filter: String?
    var unread: Bool
    var starred: Bool
    var limit: Int
    var json: Bool
    var content: Bool

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        feed = values.string("feed")
        tag = values.string("tag")
        filter = values.string("filter")
        unread = values.flag("unread")
        starred = values.flag("starred")
        limit = values.int("limit") ?? Self.defaultLimit
        json = values.flag("json")
        content = values.flag("content")
        if content && !json { throw UsageError(tr("--content goes with --json")) }
    }

    func run() throws {
        let store = try global.openStore()
        var scope = ArticleScope(tag: tag, unreadOnly: unread, starredOnly: starred)
        if let filter {
            do {
                scope.filter = try FilterExpression(parsing: filter)
            } catch {
                throw CommandFailure(ToolLanguage.catalogue.text(of: error))
            }
        }
        if let feed {
            guard let stored = try store.feed(url: feed) else { throw CommandFailure(tr("no feed with URL %s", feed)) }
            scope.feed = stored.id
        }
        let articles = try store.articles(scope, limit: max(0, limit))
        guard json else {
            for article in articles { print(article.terminalLine) }
            return
        }
        var feedURLs: [FeedID: String] = [:]
        let rows = try articles.map { summary -> ArticleJSON in
            if feedURLs[summary.feedID] == nil { feedURLs[summary.feedID] = try store.feed(summary.feedID)?.url }
            guard let article = try store.article(summary.id) else { return ArticleJSON(summary) }
            return ArticleJSON(summary, details: article, feedURL: feedURLs[summary.feedID], withContent: content)
        }
        try CommandOutput.printJSON(rows)
    }
}
