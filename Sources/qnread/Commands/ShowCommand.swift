import ArgumentParser
import ArticleText
import Foundation
import ReaderCore
import ScreenKit

// `qnread show --file FILE.html`: prints an article's header and body as the pager lays them out.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an article as the reader lays it out."
    )

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("An HTML file to render.", valueName: "file.html"))
    var file: String

    @Option(name: .long, help: "Columns to lay out for (default: the terminal's, else $COLUMNS, else 80).")
    var width: Int?

    @Option(name: .long, help: "Colours: auto (only on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: ArgumentHelp("Resolve relative links against this URL.", valueName: "url"))
    var base: String?

    /// For bench/render.sh: render N times in process and print the median per render on stderr.
    @Option(name: .long, help: .hidden)
    var `repeat`: Int?

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1, not \(width)") }
        if let count = `repeat`, count < 1 { throw ValidationError("--repeat must be at least 1, not \(count)") }
    }

    func run() throws {
        let html = try HTMLFile.read(file)
        let columns = width ?? TerminalSize.columns()
        let baseURL = base.flatMap(URL.init(string:)) ?? URL(fileURLWithPath: file).absoluteURL

        if let count = `repeat` {
            RenderTiming.measure(html: html, baseURL: baseURL, width: columns, runs: count)
        }
        let document = ArticleDocument(html: html, baseURL: baseURL)
        let header = ArticleHeader(title: document.title ?? URL(fileURLWithPath: file).lastPathComponent,
                                   link: base)
        let lines = ArticleLayout.page(header: header, document: document, width: columns)
        let colored = color == .always || (color == .auto && TerminalSize.stdoutIsTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false)
        var output = ""
        for line in lines {
            output += colored ? ANSIText.render(line) : line.text
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
