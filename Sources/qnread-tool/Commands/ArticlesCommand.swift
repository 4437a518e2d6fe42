import ArgumentParser
import FeedModel
import FeedStorage
import FilterLanguage

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        _superCommandName: "qnread",
        abstract: tr("List stored articles, newest first."),
        discussion: tr("Each line: id, date, N if unread, * if starred, feed, title. --filter takes newsboat's filter language, e.g. --filter 'unread = \"yes\" and tags # \"Québec\"' or --filter 'title =~ \"logiciel libre\" and age < 7'.")
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(tr("Only this feed (a query: or search: feed of the list too)."), valueName: "url"))
    var feed: String?

    @Option(help: ArgumentHelp(tr("Only feeds with this tag."), valueName: "tag"))
    var tag: String?

    @Option(help: ArgumentHelp(tr("Only articles this filter matches (newsboat's filter language)."), valueName: "expression"))
    var filter: String?

    @Flag(help: ArgumentHelp(tr("Only unread articles.")))
    var unread = false

    @Flag(help: ArgumentHelp(tr("Only starred articles.")))
    var starred = false

    @Option(help: ArgumentHelp(tr("At most this many articles.")))
    var limit = 50

    @Flag(help: ArgumentHelp(tr("Print JSON: with each article's authors, enclosures and feed URL.")))
    var json = false

    @Flag(help: ArgumentHelp(tr("With --json: add each article's HTML.")))
    var content = false

    func validate() throws {
        if content && !json { throw ValidationError(tr("--content goes with --json")) }
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
