import ArgumentTables
import ArticleText
import FeedModel
import Foundation
import Localization
import ReaderCore
import ScreenKit

// `qnread show ARTICLE-ID | --file FILE.html`: prints an article's header and body as the pager lays them out.
struct ShowCommand {
    static let table = CommandTable(
        "show",
        abstract: N_("Print an article as the reader lays it out."),
        discussion: N_("Give a stored article's id (see `qnread articles`), or an HTML file with --file."),
        rows: GlobalOptions.rows + [
            .positional("article-id", .integer, required: false, help: N_("A stored article's id.")),
            .option("file", valueName: "file.html", help: N_("An HTML file to render instead.")),
            .option("width", .integer, help: N_("Columns to lay out for (default: the terminal's, else $COLUMNS, else 80).")),
            .option("color", .choice(ColorChoice.allCases.map { $0.rawValue }), default: ColorChoice.auto.rawValue,
                    help: N_("Colours: auto (only on a terminal), always or never.")),
            .option("base", valueName: "url", help: N_("With --file: resolve relative links against this URL.")),
            // For bench/render.sh: render N times in process and print the median per render on stderr.
            .option("repeat", .integer, help: "", hidden: true),
        ],
        run: { try ShowCommand($0).run() })

    enum ColorChoice: String, CaseIterable {
        case auto, always, never
    }

    var global: GlobalOptions
    var articleID: Int64?
    var file: String?
    var width: Int?
    var color: ColorChoice
    var base: String?
    var `repeat`: Int?

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        articleID = values.int64s("article-id").first
        file = values.string("file")
        width = values.int("width")
        color = values.string("color").flatMap(ColorChoice.init(rawValue:)) ?? .auto
        base = values.string("base")
        `repeat` = values.int("repeat")
        if (articleID == nil) == (file == nil) { throw UsageError(tr("give an article id or --file FILE.html, not both")) }
        if articleID != nil && base != nil { throw UsageError(tr("--base goes with --file; a stored article uses its own link")) }
        if let width, width < 1 { throw UsageError(tr("--width must be at least 1, not %d", width)) }
        if let count = `repeat`, count < 1 { throw UsageError(tr("--repeat must be at least 1, not %d", count)) }
    }

    func run() throws {
        let source = try articleID.map(storedArticle) ?? fileArticle(file ?? "")
        let columns = width ?? TerminalSize.columns()
        if let count = `repeat` {
            RenderTiming.measure(html: source.html, baseURL: source.baseURL, width: columns, runs: count)
        }
        let document = ArticleDocument(html: source.html, baseURL: source.baseURL)
        var header = source.header
        if header.title.isEmpty { header.title = document.title ?? source.fallbackTitle }
        let lines = ArticleLayout.page(header: header, document: document, enclosures: source.enclosures, width: columns)
        let colored = color == .always || (color == .auto && TerminalSize.stdoutIsTerminal
            && ToolEnvironment.variables["NO_COLOR"].map(\.isEmpty) != false)
        var output = ""
        for line in lines {
            output += colored ? ANSIText.render(line) : line.text
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// What to render: the HTML, the URL its relative links hang from, and the header.
    private struct Source {
        var html: String
        var baseURL: URL?
        var header: ArticleHeader
        var enclosures: [Enclosure] = []
        /// The title when the header has none and the page no <title>.
        var fallbackTitle = ""
    }

    private func storedArticle(_ id: Int64) throws -> Source {
        let store = try global.openStore()
        guard let article = try store.article(ArticleID(id)) else {
            throw CommandFailure(tr("no article %s in %s (see `qnread articles`)", String(id), global.databasePath))
        }
        return Source(html: article.bodyHTML, baseURL: article.link.flatMap(URL.init(string:)),
                      header: ArticleHeader(article: article, date: CommandOutput.shortDate(article.date)),
                      enclosures: article.enclosures)
    }

    private func fileArticle(_ path: String) throws -> Source {
        let html = try HTMLFile.read(path)
        let baseURL = base.flatMap(URL.init(string:)) ?? URL(fileURLWithPath: path).absoluteURL
        // The title comes from the page's <title>, else the file name.
        return Source(html: html, baseURL: baseURL, header: ArticleHeader(title: "", link: base),
                      fallbackTitle: URL(fileURLWithPath: path).lastPathComponent)
    }
}
