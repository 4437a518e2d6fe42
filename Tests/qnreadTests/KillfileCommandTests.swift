import Foundation
import LocalHTTPServer
import Testing

// config.toml's killfile through the real binary: a real feed over HTTP, a real store, the commands a reader runs.
@Suite("The killfile from config.toml, end to end")
struct KillfileCommandTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Nouvelles de Limoilou</title>
        <item><title>COMMANDITÉ : la fibre arrive à Limoilou</title><guid>c-1</guid>
          <pubDate>Mon, 02 Nov 2026 10:00:00 -0500</pubDate><description>Offre exclusive.</description></item>
        <item><title>Résultats du conseil de quartier</title><guid>r-1</guid><dc:creator>Robot</dc:creator>
          <pubDate>Mon, 02 Nov 2026 11:00:00 -0500</pubDate><description>Généré automatiquement.</description></item>
        <item><title>La bibliothèque Saint-Charles rouvre</title><guid>b-1</guid>
          <pubDate>Mon, 02 Nov 2026 12:00:00 -0500</pubDate><description>Après deux ans de travaux.</description></item>
        </channel></rss>
        """

    static func config(mode: String) -> String {
        """
        ignore_mode = "\(mode)"
        [[ignore]]
        feed = "*"
        filter = 'title =~ "commandite" or author = "robot"'
        """
    }

    private func titles(_ home: ReaderHome, _ arguments: [String] = []) throws -> [String] {
        let result = try home.run(["articles"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0.split(separator: "  ").last ?? "") }
    }

    private func stats(_ home: ReaderHome) throws -> [String: Any] {
        let result = try home.run(["stats", "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("download keeps matches out of the store; display stores them unseen; no rule shows them all")
    func modes() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in HTTPReply(text: Self.feed) }
        let configFile = home.root.appendingPathComponent("config/qnread/config.toml")
        try home.write("\(server.url("/limoilou.xml")) quartier\n", to: home.userFeeds)
        try home.write(Self.config(mode: "download"), to: configFile)

        let reload = try home.run(["reload"])
        #expect(reload.status == 0, "\(reload.stderr)")
        #expect(reload.stdout.hasSuffix("1 new article\n"))
        #expect(try titles(home) == ["La bibliothèque Saint-Charles rouvre"])
        #expect(try stats(home)["articles"] as? Int == 1 && stats(home)["hidden"] as? Int == 0)

        // display: the next reload stores the two, and no list, filter, search or count shows them.
        try home.write(Self.config(mode: "display"), to: configFile)
        #expect(try home.run(["reload"]).stdout.hasSuffix("2 new articles\n"))
        #expect(try titles(home) == ["La bibliothèque Saint-Charles rouvre"])
        #expect(try titles(home, ["--filter", #"title =~ "commandite""#]).isEmpty)
        #expect(try home.run(["search", "commandite"]).stdout.isEmpty)
        #expect(try home.run(["search", "tag:quartier"]).stdout.split(separator: "\n").count == 1)
        #expect(try stats(home)["articles"] as? Int == 1 && stats(home)["hidden"] as? Int == 2)

        // Rules gone: the next command sees them all, without a reload.
        try home.write("ignore_mode = \"display\"\n", to: configFile)
        #expect(try titles(home).count == 3)
        #expect(try home.run(["search", "commandite"]).stdout.contains("COMMANDITÉ : la fibre arrive à Limoilou"))
        let check = try home.run(["stats", "--check"])
        #expect(check.status == 0 && check.stdout.contains("integrity ok"))
    }

    @Test("config check names a bad filter's line and column; the reader's other settings are untouched")
    func badFilter() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write("""
            show_read = true
            [[ignore]]
            feed = "*"
            filter = 'title =~ "commandite" or auteur = "robot"'
            """, to: home.root.appendingPathComponent("config/qnread/config.toml"))
        let check = try home.run(["config", "check"])
        #expect(check.status == 1)
        #expect(check.stderr == #"config.toml:4: filter: column 26: unknown attribute "auteur""# + "\n")
    }
}
