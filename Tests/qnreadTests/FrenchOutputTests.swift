import Foundation
import Testing

// The command line in French (LANG=fr_CA.UTF-8, or language = "fr") and in English (LANG=C.UTF-8): help, tables,
// messages and errors follow the language; --json output never does. \u{A0} is the no-break space of French
// punctuation.

@Suite("qnread's command line in French and English")
struct FrenchOutputTests {
    let fixture: StoreFixture
    let configHome: URL
    init() throws {
        fixture = try StoreFixture()
        try fixture.addQuebecNumerique()
        configHome = try ConfigCommandTests.configHome(nil)
    }

    private func run(_ arguments: [String], _ language: String) throws -> CommandResult {
        try fixture.run(arguments, environment: ["LANG": language, "XDG_CONFIG_HOME": configHome.path])
    }

    @Test("--help speaks French under fr_CA.UTF-8: the command's abstract, discussion and options")
    func help() throws {
        let french = try run(["--help"], "fr_CA.UTF-8").stdout
        #expect(french.contains("Sans sous-commande, qnread ouvre le lecteur."), "\(french)")
        #expect(french.contains("Le fichier de la base (par défaut\u{A0}: $QNREAD_DB"), "\(french)")
        let english = try run(["--help"], "C.UTF-8").stdout
        #expect(english.contains("With no subcommand, qnread opens the reader."))
        let add = try run(["feeds", "add", "--help"], "fr_CA.UTF-8").stdout
        #expect(add.contains("Ajouter l’URL telle quelle, sans la récupérer."), "\(add)")
    }

    @Test("stats: French labels in one column, English ones as before")
    func stats() throws {
        let french = try run(["stats"], "fr_CA.UTF-8").stdout
        #expect(french.contains("flux      1\narticles  2\nnon lus   2\nfavoris   0\n"), "\(french)")
        #expect(french.contains("récupérables par `qnread cleanup`"))
        let english = try run(["stats"], "C.UTF-8").stdout
        #expect(english.contains("feeds     1\narticles  2\nunread    2\nstarred   0\n"), "\(english)")
    }

    @Test("mark says what changed with French agreement; its error is French too")
    func mark() throws {
        let rows = try JSONSerialization.jsonObject(with: Data(try run(["articles", "--json"], "C.UTF-8").stdout.utf8))
        let ids = try #require(rows as? [[String: Any]]).compactMap { $0["id"] as? Int }.map(String.init)
        #expect(try run(["mark", "read", ids[0]], "fr_CA.UTF-8").stdout == "1 article sur 1 modifié\n")
        #expect(try run(["mark", "unread"] + ids, "fr_CA.UTF-8").stdout == "1 article sur 2 modifié\n")
        #expect(try run(["mark", "read"] + ids, "fr_CA.UTF-8").stdout == "2 articles sur 2 modifiés\n")
        #expect(try run(["mark", "unread"] + ids, "C.UTF-8").stdout == "2 of 2 articles changed\n")
        let missing = try run(["mark", "read", "9999"], "fr_CA.UTF-8")
        #expect(missing.status == 1)
        #expect(missing.stderr == "Erreur\u{A0}: aucun article avec l’id 9999\n")
    }

    @Test("--json output is the same in both languages")
    func json() throws {
        for command in [["articles", "--json"], ["stats", "--json"], ["feeds", "list", "--json"]] {
            let french = try run(command, "fr_CA.UTF-8")
            let english = try run(command, "C.UTF-8")
            #expect(french.status == 0 && french.stdout == english.stdout, "\(command)")
        }
    }

    @Test("language = \"fr\" in config.toml wins over LANG=C.UTF-8, from the usual file or --config")
    func languageSetting() throws {
        try "language = \"fr\"\n".write(to: configHome.appendingPathComponent("qnread/config.toml"), atomically: true, encoding: .utf8)
        let check = try run(["config", "check"], "C.UTF-8")
        #expect(check.stdout.hasSuffix(": OK (thème default)\n"), "\(check.stdout)\(check.stderr)")
        let other = configHome.appendingPathComponent("anglais.toml")
        try "language = \"en\"\n".write(to: other, atomically: true, encoding: .utf8)
        let english = try run(["config", "check", "--config", other.path], "fr_CA.UTF-8")
        #expect(english.stdout == "\(other.path): OK (theme default)\n")
    }

    @Test("A missing config file is said in French, with the no-break space before the colon and semicolon")
    func missingConfig() throws {
        let result = try run(["config", "check"], "fr_CA.UTF-8")
        #expect(result.stdout.hasSuffix("config.toml\u{A0}: fichier absent\u{A0}; les valeurs par défaut s’appliquent\n"),
                "\(result.stdout)")
    }

    @Test("config check words its problems in French; the file and line stay as editors read them")
    func configProblems() throws {
        try "theme = \"inexistant\"\nshow_read = \"oui\"\n[keys.article]\n\"j\" = \"sauter\"\n"
            .write(to: configHome.appendingPathComponent("qnread/config.toml"), atomically: true, encoding: .utf8)
        let french = try run(["config", "check"], "fr_CA.UTF-8").stderr.split(separator: "\n").map(String.init)
        #expect(french.count == 3)
        #expect(french.first == "config.toml:2: show_read doit être true ou false")
        #expect(french.dropFirst().first == "config.toml:4: action inconnue «\u{A0}sauter\u{A0}» pour «\u{A0}j\u{A0}»")
        #expect(french.last?.hasPrefix("config.toml: aucun thème nommé «\u{A0}inexistant\u{A0}» (cherché dans ") == true)
        let english = try run(["config", "check"], "C.UTF-8").stderr
        #expect(english.hasPrefix("config.toml:2: show_read must be true or false\n"))
    }

    @Test("parse's summary counts items with the French plural (0 and 1 singular)")
    func parseSummary() throws {
        let file = configHome.appendingPathComponent("un.xml")
        try "<rss version=\"2.0\"><channel><title>Québec numérique</title><link>https://quebec.example/</link><item><title>Un</title></item></channel></rss>"
            .write(to: file, atomically: true, encoding: .utf8)
        let french = try run(["parse", file.path], "fr_CA.UTF-8").stdout.split(separator: "\n").map(String.init)
        #expect(french.first == "Québec numérique  [rss2.0, 1 élément]")
        #expect(french.dropFirst().first == "site\u{A0}: https://quebec.example/")
        let english = try run(["parse", file.path], "C.UTF-8").stdout
        #expect(english.hasPrefix("Québec numérique  [rss2.0, 1 item]\nsite: https://quebec.example/\n"))
    }
}
