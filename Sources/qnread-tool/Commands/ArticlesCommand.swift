import ArgumentParser
import FeedModel
import FeedStorage

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List stored articles, newest first.",
        discussion: "Each line: id, date, N if unread, * if starred, feed, title."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this feed.", valueName: "url"))
    var feed: String?

    @Flag(help: "Only unread articles.")
    var unread = false

    @Flag(help: "Only starred articles.")
    var starred = false

    @Option(help: "At most this many articles.")
    var limit = 50

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try global.openStore()
        var scope = ArticleScope(unreadOnly: unread, starredOnly: starred)
        if let feed {
            guard let stored = try store.feed(url: feed) else { throw CommandFailure("no feed with URL \(feed)") }
            scope.feed = stored.id
        }
        let articles = try store.articles(scope, limit: max(0, limit))
        if json {
            try CommandOutput.printJSON(articles.map(ArticleJSON.init))
        } else {
            for article in articles { print(article.terminalLine) }
        }
    }
}
