import Foundation
import Testing

// The real binaries' command line: `qnread` hands every command line but the reader's to `qnread-tool`, which reads
// it against its command tables (ArgumentTables). Usage errors exit 64 (sysexits' EX_USAGE) with one line naming
// the problem, then the usage; both languages.

@Suite("qnread's command line: options, usage errors and help, in English and French")
struct CommandLineTests {
    let configHome: URL
    init() throws {
        configHome = try ConfigCommandTests.configHome(nil)
    }

    private func run(_ arguments: [String], _ language: String = "C.UTF-8", in directory: URL? = nil) throws -> CommandResult {
        try QnReadProcess.run(arguments, environment: ["LANG": language, "XDG_CONFIG_HOME": configHome.path,
                                                       "XDG_DATA_HOME": configHome.path], currentDirectory: directory)
    }

    static let showUsage = "qnread show [--db <path>] [--config <path>] [<article-id>] [--file <file.html>] [--width <width>] "
        + "[--color <color>] [--base <url>]"

    @Test("An unknown option: one line naming it, the usage, where to read more; exit 64, in either language")
    func unknownOption() throws {
        let english = try run(["show", "--bogus"])
        #expect(english.status == 64)
        #expect(english.stderr == "Error: Unknown option '--bogus'\nUsage: \(Self.showUsage)\n"
                + "  See 'qnread show --help' for more information.\n")
        let french = try run(["show", "--bogus"], "fr_CA.UTF-8")
        #expect(french.status == 64)
        #expect(french.stderr == "Erreur\u{A0}: Option inconnue\u{A0}: «\u{A0}--bogus\u{A0}»\nUtilisation\u{A0}: \(Self.showUsage)\n"
                + "  Voir «\u{A0}qnread show --help\u{A0}» pour en savoir plus.\n")
        #expect(english.stdout.isEmpty && french.stdout.isEmpty)
    }

    @Test("Bad command lines: each refused with exit 64 and its own first line, as swift-argument-parser worded them",
          arguments: [
              (["bogus"], "Error: Unexpected argument 'bogus'"),
              (["feeds", "bogus"], "Error: Unexpected argument 'bogus'"),
              (["show", "1", "2"], "Error: Unexpected argument '2'"),
              (["--db"], "Error: Missing value for '--db <path>'"),
              (["articles", "--limit"], "Error: Missing value for '--limit <limit>'"),
              (["articles", "--limit", "x"], "Error: The value 'x' is invalid for '--limit <limit>'"),
              (["show", "--color", "blue", "--file", "x"],
               "Error: The value 'blue' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'."),
              (["mark"], "Error: Missing expected argument '<change>'"),
              (["mark", "read"], "Error: Missing expected argument '<ids> ...'"),
              (["mark", "read", "abc"], "Error: The value 'abc' is invalid for '<ids>'"),
              (["bench-store"], "Error: Missing expected argument '--queries <file>'"),
              // A command's own rules, checked once the line is parsed.
              (["show"], "Error: give an article id or --file FILE.html, not both"),
              (["show", "--width", "0", "--file", "x"], "Error: --width must be at least 1, not 0"),
              (["articles", "--content"], "Error: --content goes with --json"),
              (["cleanup", "--keep", "-1"], "Error: --keep must be 0 or more"),
              (["reload", "--jobs", "0"], "Error: --jobs must be at least 1"),
              (["import-file", "a", "b", "--feed-url", "http://x/"], "Error: --feed-url names one feed: give one file"),
              (["feeds", "add", "--tag", "~x", "http://example.com/"],
               "Error: a tag cannot be empty or start with “~” (that marks a title)"),
              (["--generate-completion-script", "tcsh"], "Error: no completion script for the shell 'tcsh' (only bash zsh fish)"),
          ])
    func usageErrors(arguments: [String], firstLine: String) throws {
        let result = try run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == firstLine)
        #expect(lines.count == 3 && lines[1].hasPrefix("Usage: qnread") && lines[2].hasSuffix("for more information."), "\(lines)")
    }

    @Test("French usage errors: the parser's words and the commands' own rules")
    func frenchUsageErrors() throws {
        let choice = try run(["mark", "foo", "1"], "fr_CA.UTF-8")
        #expect(choice.status == 64)
        #expect(choice.stderr.hasPrefix("Erreur\u{A0}: La valeur «\u{A0}foo\u{A0}» n’est pas valide pour «\u{A0}<change>\u{A0}». "
                                        + "Donnez l’une de celles-ci\u{A0}: 'read', 'unread', 'star' ou 'unstar'.\n"
                                        + "Utilisation\u{A0}: qnread mark [--db <path>] [--config <path>] <change> <ids> ...\n"),
                "\(choice.stderr)")
        let missing = try run(["--db"], "fr_CA.UTF-8")
        #expect(missing.stderr.hasPrefix("Erreur\u{A0}: Il manque la valeur de «\u{A0}--db <path>\u{A0}»\n"), "\(missing.stderr)")
        let rule = try run(["show"], "fr_CA.UTF-8")
        #expect(rule.status == 64 && rule.stderr.hasPrefix("Erreur\u{A0}: donnez un id d’article ou --file FICHIER.html, pas les deux\n"))
    }

    @Test("--help, -h and help COMMAND: exit 0, the command's usage and options; hidden commands and options left out")
    func help() throws {
        for arguments in [["show", "--help"], ["show", "-h"], ["help", "show"], ["show", "--bogus", "--help"]] {
            let result = try run(arguments)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments)")
            #expect(result.stdout.contains("\nUSAGE: \(Self.showUsage)\n\nARGUMENTS:\n  <article-id>            A stored article's id.\n"))
            #expect(result.stdout.contains("  --color <color>         Colours: auto (only on a terminal), always or never.\n"
                                           + "                          (values: auto, always, never; default: auto)\n"))
            #expect(!result.stdout.contains("--repeat"), "a hidden option is shown")
        }
        let root = try run(["--help"])
        #expect(root.stdout.hasPrefix("OVERVIEW: A terminal newsroom reader for Québec's tech communities.\n\n"
                                      + "With no subcommand, qnread opens the reader.\n\nUSAGE: qnread [--db <path>] [--config <path>] <subcommand>\n"))
        #expect(root.stdout.hasSuffix("\n\n  See 'qnread help <subcommand>' for detailed help.\n"))
        #expect(!root.stdout.contains("bench-store") && !root.stdout.contains("manual-data"))
        let group = try run(["feeds"])
        #expect(group.status == 0 && group.stdout.contains("SUBCOMMANDS:\n  list                    Print the feeds every layer"))
        #expect(try run(["--version"]).stdout == "0.1.0\n")
    }

    @Test("Help in French: the frame words too")
    func frenchHelp() throws {
        let help = try run(["feeds", "add", "--help"], "fr_CA.UTF-8").stdout
        #expect(help.hasPrefix("APERÇU\u{A0}: Ajouter un flux"), "\(help)")
        #expect(help.contains("\nUTILISATION\u{A0}: qnread feeds add <url> [--tag <tag> ...]"))
        #expect(help.contains("\nARGUMENTS\u{A0}:\n") && help.contains("\nOPTIONS\u{A0}:\n"))
        #expect(help.hasSuffix("  -h, --help              Afficher l’aide.\n\n"))
        let root = try run(["--help"], "fr_CA.UTF-8").stdout
        #expect(root.contains("\nSOUS-COMMANDES\u{A0}:\n  parse ") && root.contains("  --version               Afficher la version.\n"))
        #expect(root.hasSuffix("Voir «\u{A0}qnread help <subcommand>\u{A0}» pour l’aide détaillée.\n"))
    }

    @Test("--db before or after the command, as --db PATH or --db=PATH; a group's name may come between")
    func globalOptions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-cl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, arguments) in [["--db", "A", "stats", "--json"], ["stats", "--json", "--db", "A"], ["stats", "--db=A", "--json"],
                                   ["--db=A", "stats", "--json"]].enumerated() {
            let path = directory.appendingPathComponent("\(index).sqlite").path
            let result = try run(arguments.map { $0.replacingOccurrences(of: "A", with: path) })
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("\"database\" : \"\(path)\""), "\(arguments): \(result.stdout)")
        }
        let other = directory.appendingPathComponent("other.toml")
        let check = try run(["config", "--config", other.path, "check"])
        #expect(check.stdout == "\(other.path): no such file; the defaults apply\n", "\(check.stderr)")
    }

    @Test("-- ends the options: a feed file whose name starts with dashes is imported as a file")
    func endOfOptions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-cl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<item><guid>1</guid><title>Un</title></item></channel></rss>"
        try rss.write(to: directory.appendingPathComponent("--flux.xml"), atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("q.sqlite").path
        let refused = try run(["import-file", "--db", db, "--flux.xml"], in: directory)
        #expect(refused.status == 64 && refused.stderr.hasPrefix("Error: Unknown option '--flux.xml'\n"))
        let imported = try run(["import-file", "--db", db, "--", "--flux.xml"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "--flux.xml: 1 new, 0 updated\n")
    }

    @Test("Repeated options keep every value: two --tag make two tags in the feeds file")
    func repeatedOption() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-cl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try QnReadProcess.run(["feeds", "add", "--no-check", "--tag", "Québec", "--tag=libre", "--title", "Un titre",
                                            "https://example.com/feed"],
                                           environment: ["XDG_CONFIG_HOME": directory.path,
                                                         "QNREAD_SYSTEM_FEEDS": directory.appendingPathComponent("system").path])
        #expect(result.status == 0, "\(result.stderr)")
        let feeds = try String(contentsOf: directory.appendingPathComponent("qnread/feeds"), encoding: .utf8)
        #expect(feeds.contains("https://example.com/feed Québec libre \"~Un titre\"\n"), "\(feeds)")
    }
}
