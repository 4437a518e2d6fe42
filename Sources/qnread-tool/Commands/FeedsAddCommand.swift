import ArgumentTables
import FeedFetching
import FeedList
import FeedModel
import FeedParsing
import Foundation
import Localization
import TextSafety

struct FeedsAddCommand {
    static let table = CommandTable(
        "add",
        abstract: N_("Add a feed to your list (or the system list), finding the feed of a web page."),
        discussion: N_("The URL is fetched first: a web page is searched for the feeds it advertises (<link rel=\"alternate\">), and a permanent redirect is followed to the feed's new address. With several feeds on a page, qnread asks which one on a terminal and lists them otherwise."),
        rows: [
            .positional("url", help: N_("The feed's URL, a web page that links to it, a file:// URL or a path.")),
            .option("tag", repeating: true, help: N_("A tag (repeat for more).")),
            .option("title", help: N_("A title to show instead of the feed's own.")),
        ] + FeedListChoice.rows + [
            .flag("no-check", help: N_("Add the URL as given, without fetching it.")),
        ] + GlobalOptions.rows,
        run: { try FeedsAddCommand($0).run() })

    var url: String
    var tags: [String]
    var title: String?
    var list: FeedListChoice
    var noCheck: Bool
    var global: GlobalOptions

    init(_ values: ParsedValues) throws {
        url = values.string("url") ?? ""
        tags = values.strings("tag")
        title = values.string("title")
        list = FeedListChoice(values)
        noCheck = values.flag("no-check")
        global = GlobalOptions(values)
        if let problem = FeedListFile.problem(withURL: url) { throw UsageError(problem.text(in: ToolLanguage.catalogue)) }
        if tags.contains(where: { $0.hasPrefix("~") || $0.isEmpty }) {
            throw UsageError(tr("a tag cannot be empty or start with “~” (that marks a title)"))
        }
    }

    func run() throws {
        let editing = FeedListEditing(configPath: global.config)
        let feedURL = noCheck || !url.lowercased().hasPrefix("http") ? url : try checkedURL()
        if let account = editing.sync, !list.system {
            // The server's subscriptions are the list: the server subscribes (tags stay local to no file).
            return print(try ServerSync.changeSubscription(feedURL, subscribe: true, account: account,
                                                           store: try global.openStore(), settings: Self.serverSettings))
        }
        var (file, path) = editing.editableFile(system: list.system)
        let entry = FeedListEntry(url: feedURL, tags: tags, title: title)
        guard file.add(entry) else {
            print(tr("%s is already in %s", URLText.printable(feedURL), path.path))
            return
        }
        try file.save(to: path)
        print(tr("added %s to %s", URLText.printable(feedURL), path.path))
        let inherited = editing.layers.feeds.contains { $0.url == feedURL && $0.origin != .user && $0.origin != .builtIn }
        if inherited && !list.system { print(tr("(it was already in the system list; your tags and title apply on top)")) }
    }

    static var serverSettings: FetchSettings {
        FetchSettings(connectTimeout: 10, totalTimeout: 30, retries: 0, userAgent: FetchSettings.userAgent(version: QnReadVersion.string),
                      catalogue: ToolLanguage.catalogue)
    }

    /// The URL as messages show it: its password hidden.
    private var shownURL: String { URLText.printable(url) }

    /// Fetches the URL: a feed is kept (at its permanent new address), a page gives the feed it names.
    private func checkedURL() throws -> String {
        let fetcher = FeedFetcher(settings: FetchSettings(connectTimeout: 10, totalTimeout: 20, retries: 0,
                                                          userAgent: FetchSettings.userAgent(version: QnReadVersion.string),
                                                          catalogue: ToolLanguage.catalogue))
        let request = FetchRequest(url: url)
        let result = runBlocking { await fetcher.fetch(request) }
        switch result.outcome {
        case .failed(let failure):
            if failure.kind == .http || failure.kind == .gone {
                throw FeedsFailure(tr("%s: %s; use --no-check to add it anyway", shownURL, failure.message))
            }
            Terminal.warn(tr("%s: %s; added without checking", shownURL, failure.message))
            return url
        case .notModified:
            return result.movedTo ?? url
        case .body(let body):
            if HTMLFeedLinks.isWebPage(body.data) {
                return try choose(from: HTMLFeedLinks.feeds(in: body.data, pageURL: body.finalURL))
            }
            let parsed: ParsedFeed
            do {
                parsed = try FeedParser().parse(body.data, url: body.finalURL, httpCharset: body.charset)
            } catch let error as FeedParseError {
                throw FeedsFailure(tr("%s: %s; use --no-check to add it anyway", shownURL, error.reason(in: ToolLanguage.catalogue)))
            }
            let name = parsed.title.map { tr("« %s », ", SafeText.collapsedLine($0)) } ?? ""
            print(shownURL + tr(": ") + name + parsed.format.rawValue + ", " + trn("%d items", "%d items", parsed.items.count))
            if let moved = result.movedTo { print(tr("%s moved permanently to %s", shownURL, URLText.printable(moved))) }
            return result.movedTo ?? url
        }
    }

    private func choose(from links: [DiscoveredFeed]) throws -> String {
        func label(_ link: DiscoveredFeed) -> String {
            SafeText.collapsedLine(link.url) + (link.title.map { "  “\(SafeText.collapsedLine($0))”" } ?? "")
        }
        switch links.count {
        case 0:
            throw FeedsFailure(tr("%s is a web page that advertises no feed", shownURL))
        case 1:
            print(tr("%s is a web page; it advertises %s", shownURL, label(links[0])))
            return links[0].url
        default:
            let menu = links.enumerated().map { "  \($0.offset + 1). \(label($0.element))" }.joined(separator: "\n")
            guard Terminal.stdinIsTerminal else {
                throw FeedsFailure(tr("%s is a web page that advertises %d feeds; add one of them:", shownURL, links.count) + "\n" + menu)
            }
            print(tr("%s is a web page that advertises %d feeds:", shownURL, links.count) + "\n" + menu)
            print(tr("Which one? [1] "), terminator: "")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let number = answer.isEmpty ? 1 : Int(answer), links.indices.contains(number - 1) else {
                throw FeedsFailure(tr("no feed chosen"))
            }
            return links[number - 1].url
        }
    }
}
