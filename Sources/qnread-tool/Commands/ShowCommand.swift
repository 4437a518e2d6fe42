import ArgumentParser
import ArticleText
import FeedModel
import Foundation
import ReaderCore
import ScreenKit

// `qnread show ARTICLE-ID | --file FILE.html`: prints an article's header and body as the pager lays them out.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        _superCommandName: "qnread",
        abstract: tr("Print an article as the reader lays it out."),
        discussion: tr("Give a stored article's id (see `qnread articles`), or an HTML file with --file.")
    )

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(tr("A stored article's id."), valueName: "article-id"))
    var articleID: Int64?

    @Option(name: .long, help: ArgumentHelp(tr("An HTML file to render instead."), valueName: "file.html"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp(tr("Columns to lay out for (default: the terminal's, else $COLUMNS, else 80).")))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp(tr("Colours: auto (only on a terminal), always or never.")))
    var color: ColorChoice = .auto

    @Option(name: .long, help: ArgumentHelp(tr("With --file: resolve relative links against this URL."), valueName: "url"))
    var base: String?

    /// For bench/render.sh: render N times in process and print the median per render on stderr.
    @Option(name: .long, help: .hidden)
    var `repeat`: Int?

    func validate() throws {
        if (articleID == nil) == (file == nil) { throw ValidationError(tr("give an article id or --file FILE.html, not both")) }
        if articleID != nil && base != nil { throw ValidationError(tr("--base goes with --file; a stored article uses its own link")) }
        if let width, width < 1 { throw ValidationError(tr("--width must be at least 1, not %d", width)) }
        if let count = `repeat`, count < 1 { throw ValidationError(tr("--repeat must be at least 1, not %d", count)) }
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
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false)
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
