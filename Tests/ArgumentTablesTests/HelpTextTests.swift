import ArgumentTables
import Foundation
import Localization
import Testing

@Suite("Help and usage written from the tables")
struct HelpTextTests {
    @Test("Usage lists every shown row in table order, optional ones in brackets, and <subcommand> for a group")
    func usage() {
        #expect(HelpText.usage([SampleTool.root, SampleTool.show])
                == "tool show [<article-id>] [--width <width>] [--color <color>] [--tag <tag> ...] [--ratio <ratio>] [--json] [--quiet]")
        #expect(HelpText.usage([SampleTool.root, SampleTool.mark]) == "tool mark <change> <ids> ...")
        #expect(HelpText.usage([SampleTool.root]) == "tool [--db <path>] <subcommand>")
        #expect(HelpText.usage([SampleTool.root, SampleTool.bench]) == "tool bench --queries <file>")
    }

    @Test("Help: overview, usage, arguments, options with their choices and default, then -h; hidden commands left out")
    func help() {
        let help = HelpText(catalogue: .english)
        #expect(help.help([SampleTool.root, SampleTool.show]) == """
            OVERVIEW: Print an article.

            USAGE: tool show [<article-id>] [--width <width>] [--color <color>] [--tag <tag> ...] [--ratio <ratio>] [--json] [--quiet]

            ARGUMENTS:
              <article-id>            A stored article's id.

            OPTIONS:
              -w, --width <width>     Columns.
              --color <color>         Colours. (values: auto, always, never; default: auto)
              --tag <tag>             A tag (repeat for more).
              --ratio <ratio>         A ratio.
              -j, --json              Print JSON.
              -q, --quiet             Say less.
              -h, --help              Show help information.

            """)
        let root = help.help([SampleTool.root])
        #expect(root.contains("  --version               Show the version.\n  -h, --help"))
        #expect(root.hasSuffix("SUBCOMMANDS:\n  show                    Print an article.\n  mark                    Mark articles.\n"
            + "  feeds                   Feeds.\n  search                  Search.\n\n  See 'tool help <subcommand>' for detailed help."))
    }

    @Test("Texts wrap under 80 columns from column 26; a line may reach 80 only with its paragraph's last word")
    func wrapping() {
        let words = String(repeating: "word ", count: 30) + "end."
        let table = CommandTable("long", abstract: words, rows: [.flag("x", help: words),
                                                                 .option("a-rather-long-option", valueName: "value", help: "Short.")])
        let lines = HelpText(catalogue: .english).help([table]).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains("  --x                     word word word word word word word word word word"))
        #expect(lines.contains("  --a-rather-long-option <value>"))
        #expect(lines.contains("                          Short."))
        // As argument-parser wrapped: 80 columns for a paragraph's last word, 79 and a space for any other.
        let last = CommandTable("x", abstract: "Count feeds, articles and unread articles, and show the database size.")
        #expect(HelpText(catalogue: .english).help([last]).hasPrefix(
            "OVERVIEW: Count feeds, articles and unread articles, and show the database size.\n"))
        let more = CommandTable("x", abstract: "Count feeds, articles and unread articles, and show the database sizes too.")
        #expect(HelpText(catalogue: .english).help([more]).hasPrefix(
            "OVERVIEW: Count feeds, articles and unread articles, and show the database\nsizes too.\n"))
    }

    @Test("A usage error is one line naming the problem, then the usage and where to read more, in the language")
    func usageError() {
        let path = [SampleTool.root, SampleTool.mark]
        #expect(HelpText(catalogue: .english).usageError("Unknown option '--x'", path)
                == "Error: Unknown option '--x'\nUsage: tool mark <change> <ids> ...\n  See 'tool mark --help' for more information.\n")
        let french = HelpText(catalogue: Catalogue(.fr))
        #expect(french.usageError("Option inconnue", path)
                == "Erreur\u{A0}: Option inconnue\nUtilisation\u{A0}: tool mark <change> <ids> ...\n  Voir «\u{A0}tool mark --help\u{A0}» pour en savoir plus.\n")
        let help = french.help(path)
        #expect(help.hasPrefix("APERÇU\u{A0}: Mark articles.\n\nUTILISATION\u{A0}: tool mark"), "\(help)")
        #expect(help.contains("\nARGUMENTS\u{A0}:\n") && help.contains("\nOPTIONS\u{A0}:\n  -h, --help              Afficher l’aide.\n"))
        let words = Words("The value '%s' is invalid for '%s'. Please provide one of %s.", arguments: [
            .text("x"), .text("<change>"), .words(Words("%s or %s", "'read'", "'unread'"))])
        #expect(words.text(in: Catalogue(.fr))
                == "La valeur «\u{A0}x\u{A0}» n’est pas valide pour «\u{A0}<change>\u{A0}». Donnez l’une de celles-ci\u{A0}: 'read' ou 'unread'.")
    }

    @Test("The help dump has every command, hidden ones marked, with each row's names, value and help")
    func dump() throws {
        let json = try HelpDump.json(SampleTool.root, catalogue: .english)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let root = try #require(object["command"] as? [String: Any])
        #expect(root["commandName"] as? String == "tool")
        let subcommands = try #require(root["subcommands"] as? [[String: Any]])
        #expect(subcommands.map { $0["commandName"] as? String } == ["show", "mark", "feeds", "search", "bench"])
        #expect(subcommands.map { $0["shouldDisplay"] as? Bool } == [true, true, true, true, false])
        let rows = try #require(subcommands[0]["arguments"] as? [[String: Any]])
        let width = try #require(rows.first { $0["valueName"] as? String == "width" })
        #expect(width["kind"] as? String == "option" && width["abstract"] as? String == "Columns.")
        let names = try #require(width["names"] as? [[String: String]])
        #expect(names == [["kind": "short", "name": "w"], ["kind": "long", "name": "width"]])
        #expect((root["arguments"] as? [[String: Any]])?.compactMap { $0["abstract"] as? String }
                == ["The database.", "Show the version.", "Show help information."])
    }
}
