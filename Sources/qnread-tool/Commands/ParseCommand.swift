import ArgumentTables
import FeedParsing
import Foundation
import Localization

/// `qnread parse FILE|-`: what qnread understands of a feed file, as JSON (DESIGN.md §2), as a short summary,
/// or, with --stats, as its format, item count and parse time. Warnings go to stderr; nothing from the feed
/// reaches stdout with control characters in it.
struct ParseCommand {
    static let table = CommandTable(
        "parse",
        abstract: N_("Parse a feed file and print what qnread understands of it."),
        rows: [
            .positional("file", help: N_("A feed file, or - for standard input.")),
            .flag("json", help: N_("Print the parsed feed as JSON.")),
            .option("url", help: N_("The URL the feed came from, to resolve relative links.")),
            .flag("stats", help: N_("Print the format, the item count and the time the parse took.")),
            .option("max-size", .integer, valueName: "MiB", default: String(defaultMaxSize), help: N_("Refuse inputs larger than this many MiB.")),
        ],
        run: { try ParseCommand($0).run() })

    static let defaultMaxSize = FeedParser.defaultMaxBytes >> 20

    var file: String
    var json: Bool
    var url: String?
    var stats: Bool
    var maxSize: Int

    init(_ values: ParsedValues) throws {
        file = values.string("file") ?? ""
        json = values.flag("json")
        url = values.string("url")
        stats = values.flag("stats")
        maxSize = values.int("max-size") ?? Self.defaultMaxSize
        if let url, URL(string: url)?.scheme == nil { throw UsageError(tr("--url %s is not an absolute URL", url)) }
        if maxSize <= 0 { throw UsageError(tr("--max-size must be positive")) }
        if json && stats { throw UsageError(tr("--json and --stats cannot be combined")) }
    }

    func run() throws {
        let parser = FeedParser(maxBytes: maxSize << 20)
        let fetchURL = url.flatMap { URL(string: $0) }
        do {
            let bytes = try readInput(limit: parser.maxBytes)
            let started = DispatchTime.now().uptimeNanoseconds
            let feed = try parser.parse(bytes, url: fetchURL)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            printWarnings(feed.warnings)
            if stats {
                print("format: \(feed.format.rawValue)")
                print("items: \(feed.items.count)")
                print(String(format: "time: %.3f s", seconds))
            } else {
                print(json ? feed.jsonText() : FeedSummary.text(feed))
            }
        } catch let error as FeedParseError {
            printError(file + tr(": ") + error.reason(in: ToolLanguage.catalogue))
            throw ExitCode(1)
        }
    }

    /// The whole input, refused before reading when a file is over the limit.
    private func readInput(limit: Int) throws -> Data {
        if file == "-" {
            let data = FileHandle.standardInput.readData(ofLength: limit + 1)
            if data.count > limit { throw FeedParseError(input: file, Words(N_("refused: larger than the %s MiB limit"), "\(limit >> 20)")) }
            return data
        }
        var status = stat()
        guard stat(file, &status) == 0 else {
            throw FeedParseError(input: file, Words(N_("cannot open: %s"), String(cString: strerror(errno))))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FeedParseError(input: file, Words(N_("is a directory"))) }
        if Int(status.st_size) > limit {
            throw FeedParseError(input: file, Words(N_("refused: larger than the %s MiB limit (%s MiB)"), "\(limit >> 20)", "\(Int(status.st_size) >> 20)"))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw FeedParseError(input: file, Words(N_("cannot read")))
        }
        return data
    }

    private func printWarnings(_ warnings: [String]) {
        for warning in warnings { printError("\(file): warning: \(warning)") }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((PlainText.sanitized(line) + "\n").utf8))
    }
}
