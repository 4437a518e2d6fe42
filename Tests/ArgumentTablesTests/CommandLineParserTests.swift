import ArgumentTables
import Localization
import Testing

/// A small tool shaped like qnread's: root options every command accepts, a command with every kind of row, a
/// group of subcommands, a catch-all search and a hidden command.
enum SampleTool {
    static let show = CommandTable(
        "show", abstract: "Print an article.",
        rows: [
            .positional("article-id", .integer, required: false, help: "A stored article's id."),
            .option("width", .integer, short: "w", help: "Columns."),
            .option("color", .choice(["auto", "always", "never"]), default: "auto", help: "Colours."),
            .option("tag", repeating: true, help: "A tag (repeat for more)."),
            .option("ratio", .number, help: "A ratio."),
            .flag("json", short: "j", help: "Print JSON."),
            .flag("quiet", short: "q", help: "Say less."),
        ],
        run: { _ in })
    static let mark = CommandTable(
        "mark", abstract: "Mark articles.",
        rows: [
            .positional("change", .choice(["read", "unread"]), help: "read or unread."),
            .positional("ids", .integer, repeating: true, help: "Article ids."),
        ],
        run: { _ in })
    static let add = CommandTable("add", aliases: ["new"], abstract: "Add a feed.",
                                  rows: [.positional("url", help: "The URL.")], run: { _ in })
    static let feeds = CommandTable("feeds", abstract: "Feeds.", subcommands: [add])
    static let search = CommandTable(
        "search", abstract: "Search.",
        rows: [
            .positional("words", repeating: true, required: false, takesUnknownOptions: true, help: "The search."),
            .flag("unread", help: "Only unread."),
        ],
        run: { _ in })
    static let bench = CommandTable("bench", abstract: "Time things.", isHidden: true,
                                    rows: [.option("queries", valueName: "file", required: true, help: "Searches.")], run: { _ in })
    static let root = CommandTable(
        "tool", abstract: "A tool.",
        rows: [.option("db", valueName: "path", help: "The database.")],
        subcommands: [show, mark, feeds, search, bench], version: "1.2.3", run: { _ in })
}

/// The parse, as a value tests compare: the command path and the values, or the English error.
private func parse(_ arguments: [String]) -> String {
    switch CommandLineParser.parse(arguments, root: SampleTool.root) {
    case .run(let path, let values):
        let given = values.given.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: ","))" }
        return (path.map(\.name) + given).joined(separator: " ")
    case .help(let path): return "help " + path.map(\.name).joined(separator: " ")
    case .version: return "version"
    case .completionScript(let shell): return "completion \(shell ?? "?")"
    case .helpDump: return "dump"
    case .usageError(let words, let path): return path.map(\.name).joined(separator: " ") + ": " + words.description
    }
}

@Suite("The command line read against tables")
struct CommandLineParserTests {
    @Test("--opt=value and --opt value give the same values; the root's options come before or after the command")
    func optionForms() {
        #expect(parse(["show", "--width=40", "--db", "a.sqlite", "7"]) == "tool show article-id=7 db=a.sqlite width=40")
        #expect(parse(["--db=a.sqlite", "show", "--width", "40", "7"]) == "tool show article-id=7 db=a.sqlite width=40")
        #expect(parse(["feeds", "--db", "x", "add", "http://a/"]) == "tool feeds add db=x url=http://a/")
    }

    @Test("A repeated option keeps every value in order; given twice, a single one reads as its last")
    func repeated() {
        #expect(parse(["show", "7", "--tag", "a", "--tag=b", "--tag", "c"]) == "tool show article-id=7 tag=a,b,c")
        let request = CommandLineParser.parse(["show", "--width", "3", "--width", "5"], root: SampleTool.root)
        guard case .run(_, let values) = request else { Issue.record("\(request)"); return }
        #expect(values.int("width") == 5)
        #expect(values.strings("tag").isEmpty && !values.flag("json"))
    }

    @Test("One-letter flags group (-jq); a one-letter option takes the rest of the word or the next one")
    func shortNames() {
        #expect(parse(["show", "-jq", "-w", "30"]) == "tool show json= quiet= width=30")
        #expect(parse(["show", "-jw30"]) == "tool show json= width=30")
        #expect(parse(["show", "-x"]) == "tool show: Unknown option '-x'")
    }

    @Test("-- ends the options: what follows is an argument even when it looks like an option")
    func endOfOptions() {
        #expect(parse(["search", "--", "--unread", "-h"]) == "tool search words=--unread,-h")
        #expect(parse(["show", "--", "--json"]) == "tool show: The value '--json' is invalid for '<article-id>'")
    }

    @Test("A negative number is a numeric option's value; another option after an option is its missing value")
    func optionValues() {
        #expect(parse(["show", "--width", "-3"]) == "tool show width=-3")
        #expect(parse(["show", "--ratio", "-0.5"]) == "tool show ratio=-0.5")
        #expect(parse(["show", "--width", "--json"]) == "tool show: Missing value for '--width <width>'")
        #expect(parse(["show", "--width"]) == "tool show: Missing value for '--width <width>'")
        #expect(parse(["--db"]) == "tool: Missing value for '--db <path>'")
        #expect(parse(["show", "--json=yes"]) == "tool show: The flag '--json' does not take a value")
    }

    @Test("Values are checked against their kind, and the error names the option and the value")
    func invalidValues() {
        #expect(parse(["show", "--width", "abc"]) == "tool show: The value 'abc' is invalid for '--width <width>'")
        #expect(parse(["show", "--ratio", "x"]) == "tool show: The value 'x' is invalid for '--ratio <ratio>'")
        #expect(parse(["show", "--color", "blue"])
                == "tool show: The value 'blue' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'.")
        #expect(parse(["mark", "foo", "1"])
                == "tool mark: The value 'foo' is invalid for '<change>'. Please provide one of 'read' or 'unread'.")
        #expect(parse(["mark", "read", "1", "x"]) == "tool mark: The value 'x' is invalid for '<ids>'")
    }

    @Test("Arguments fill their rows in order: missing ones and extra ones are named")
    func positionals() {
        #expect(parse(["mark", "read", "1", "2", "3"]) == "tool mark change=read ids=1,2,3")
        #expect(parse(["mark"]) == "tool mark: Missing expected argument '<change>'")
        #expect(parse(["mark", "read"]) == "tool mark: Missing expected argument '<ids> ...'")
        #expect(parse(["show", "1", "2"]) == "tool show: Unexpected argument '2'")
        #expect(parse(["show"]) == "tool show")
        #expect(parse(["bench"]) == "tool bench: Missing expected argument '--queries <file>'")
    }

    @Test("Unknown options and commands are refused by name")
    func unknown() {
        #expect(parse(["show", "--bogus"]) == "tool show: Unknown option '--bogus'")
        #expect(parse(["--bogus"]) == "tool: Unknown option '--bogus'")
        #expect(parse(["bogus"]) == "tool: Unexpected argument 'bogus'")
        #expect(parse(["feeds", "bogus"]) == "tool feeds: Unexpected argument 'bogus'")
    }

    @Test("A catch-all argument takes words that name no option, so a search can exclude -mot or -hôtel")
    func catchAll() {
        #expect(parse(["search", "québec", "-emploi", "-hôtel", "--bogus", "--unread"])
                == "tool search unread= words=québec,-emploi,-hôtel,--bogus")
    }

    @Test("--help or -h anywhere wins over the rest, errors included; help COMMAND and a group alone show help")
    func help() {
        #expect(parse(["--help"]) == "help tool")
        #expect(parse(["show", "--bogus", "-h"]) == "help tool show")
        #expect(parse(["feeds", "add", "--help"]) == "help tool feeds add")
        #expect(parse(["help", "feeds", "add"]) == "help tool feeds add")
        #expect(parse(["help", "bogus"]) == "help tool")
        #expect(parse(["feeds"]) == "help tool feeds")
        #expect(parse(["--version", "--help"]) == "help tool")
        #expect(parse(["--version"]) == "version")
    }

    @Test("No command runs the root; an alias names its command; the hidden command still runs")
    func commands() {
        #expect(parse([]) == "tool")
        #expect(parse(["--db", "x"]) == "tool db=x")
        #expect(parse(["feeds", "new", "u"]) == "tool feeds add url=u")
        #expect(parse(["bench", "--queries", "q.txt"]) == "tool bench queries=q.txt")
    }

    @Test("The completion script and the help dump are asked for first on the command line")
    func generated() {
        #expect(parse(["--generate-completion-script", "fish"]) == "completion fish")
        #expect(parse(["--generate-completion-script=zsh"]) == "completion zsh")
        #expect(parse(["--generate-completion-script"]) == "completion ?")
        #expect(parse(["--dump-help"]) == "dump")
    }
}
