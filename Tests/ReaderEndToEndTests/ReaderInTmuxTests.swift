import Foundation
import Testing

// The real qnread in a real terminal (tmux), on a real store: what a reader sees and does.
// Each test has its own tmux server and home, and cleans both up.

@Suite("qnread in a terminal", .serialized)
struct ReaderInTmuxTests {
    static var binary: String {
        if let override = ProcessInfo.processInfo.environment["QNREAD_BINARY"] { return override }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qnread").path
    }

    static func start(_ home: ReaderHome, width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let session = try TmuxSession([binary], environment: home.environment, width: width, height: height)
        try session.waitFor(text: "Québec numérique")
        return session
    }

    @Test("The feed list opens on the store; a French article shows its accents and « » intact")
    func frenchArticle() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home)
        let feeds = try reader.waitFor(text: "Web à Québec")
        #expect(feeds[0].hasPrefix("qnread — Feeds"))
        #expect(feeds.contains { $0.hasPrefix("  Québec numérique  #quebec") && $0.hasSuffix("2/3") })
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "« Les données ouvertes » en région")
        try reader.send("Enter")
        let article = try reader.waitFor(text: "« Bonjour à tous »")
        #expect(article[1] == "L’hiver arrive à Québec")
        #expect(article[2] == "Québec numérique · Émilie Tremblay · \(ReaderHome.shownDate("2026-11-30"))")
        #expect(article[3] == "https://quebecnumerique.example/hiver")
        #expect(article.contains { $0.hasPrefix("« Bonjour à tous », dit-elle") && $0.hasSuffix(": l’été est fini, voici la neige à Québec.") })
        try reader.send("q", "q", "q")
        let status = try reader.waitForExit()
        let last = try reader.screen().joined(separator: "\n")
        #expect(status == 0, "\(last)")
    }

    @Test("n goes to the next unread article across the list, and counts follow")
    func nextUnread() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home)
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "Rencontre des développeurs")
        try reader.send("Enter")
        try reader.waitFor(text: "« Bonjour à tous »")
        try reader.send("n")
        try reader.waitFor("the third article") { $0.count > 1 && $0[1] == "Rencontre des développeurs de Lévis" }
        try reader.send("q", "q")
        try reader.waitFor("both read") { $0.contains { $0.hasPrefix("  Québec numérique") && $0.hasSuffix("0/3") } }
    }

    @Test("Searching quebec finds the Québec article, accents ignored")
    func search() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home)
        try reader.send("/")
        try reader.type("quebec")
        try reader.send("Enter")
        let results = try reader.waitFor(text: "found")
        #expect(results[0].hasPrefix("qnread — Search “quebec”"))
        #expect(results.contains { $0.contains("L’hiver arrive à Québec") })
    }

    @Test("A binding from config.toml works")
    func customBinding() throws {
        let home = try ReaderHome()
        try home.fillStore()
        try home.writeConfig("""
        [keys.feeds]
        "x" = "open"
        "J" = ["down", "down"]
        """)
        let reader = try Self.start(home)
        try reader.send("J", "x")
        try reader.waitFor(text: "L’hiver arrive à Québec")
    }

    @Test("A broken config line shows its error in the status bar, and the reader still runs")
    func brokenConfig() throws {
        let home = try ReaderHome()
        try home.fillStore()
        try home.writeConfig("""
        theme = "default"
        [keys.feeds]
        "j" = "sauter"
        """)
        let reader = try Self.start(home)
        try reader.waitFor(text: "config.toml:3: unknown action \"sauter\" for \"j\"")
        try reader.send("Down", "Down", "Enter")
        try reader.waitFor(text: "Rencontre des développeurs de Lévis")
    }

    @Test("A macro from config.toml runs its actions in order after the prefix, and ? lists it; a bad one is reported")
    func macro() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let argvFile = home.root.appendingPathComponent("argv")
        let script = try home.recordingScript(named: "record-argv", into: argvFile)
        try home.writeConfig("""
        browser = ["\(script.path)"]
        [macros]
        "v" = ["open-in-browser", "toggle-read"]
        "g g" = "top"
        """)
        let reader = try Self.start(home)
        try reader.waitFor(text: "config.toml:4: macro \"g g\" must be one key")
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "N  \(ReaderHome.shownDate("2026-11-30")) L’hiver arrive à Québec")
        try reader.send(",")
        try reader.waitFor(text: "Macro: v")
        try reader.send("v")
        try reader.waitFor(text: "Opened https://quebecnumerique.example/hiver")
        try reader.waitFor(text: "   \(ReaderHome.shownDate("2026-11-30")) L’hiver arrive à Québec")
        #expect(try String(contentsOf: argvFile, encoding: .utf8) == "https://quebecnumerique.example/hiver\n")
        try reader.send("?", "G")
        try reader.waitFor(text: "Macros")
        let help = try reader.waitFor(text: ", v")
        #expect(help.contains { $0.hasPrefix("  , v") && $0.contains("open-in-browser, toggle-read") })
    }

    @Test("t opens the tag chooser with unread counts; choosing a tag filters the feed list")
    func tagChooser() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home)
        try reader.send("t")
        let tags = try reader.waitFor(text: "qnread — Tags")
        #expect(tags.contains { $0.hasPrefix("  #quebec") && $0.hasSuffix("2/3") })
        #expect(tags.contains { $0.hasPrefix("  #web") && $0.hasSuffix("2/2") })
        try reader.send("G", "Enter")
        let feeds = try reader.waitFor(text: "qnread — Feeds · tag web")
        #expect(feeds.contains { $0.hasPrefix("  Web à Québec  #web") })
        #expect(!feeds.joined().contains("Québec numérique"))
    }

    @Test("A feed tagged ! in the feeds file is not in the feed list nor in All articles")
    func hiddenFeed() throws {
        let home = try ReaderHome()
        try home.fillStore()
        try "https://quebecnumerique.example/feed quebec\nhttps://webaquebec.example/rss web !\n"
            .write(to: home.config.appendingPathComponent("qnread/feeds"), atomically: true, encoding: .utf8)
        let reader = try Self.start(home)
        let feeds = try reader.waitFor(text: "All articles")
        #expect(!feeds.joined().contains("Web à Québec"))
        #expect(feeds.contains { $0.hasPrefix("  All articles") && $0.hasSuffix("2/3") })
        try reader.send("Enter")
        let all = try reader.waitFor(text: "L’hiver arrive à Québec")
        #expect(!all.joined().contains("Programme de la conférence"))
    }

    @Test("With NO_COLOR the selected row is reverse video, the others are not")
    func noColorSelection() throws {
        let home = try ReaderHome()
        try home.fillStore()
        var environment = home.environment
        environment["NO_COLOR"] = "1"
        let reader = try TmuxSession([Self.binary], environment: environment, width: 100, height: 30)
        try reader.waitFor(text: "Web à Québec")
        try reader.send("j", "j")
        try reader.waitFor(text: "3/4")
        let rows = try reader.styledScreen()
        let reverse = "\u{1B}[7m"
        let selected = try #require(rows.first { $0.contains("Québec numérique") })
        let other = try #require(rows.first { $0.contains("Web à Québec") })
        #expect(selected.contains(reverse), "\(selected.debugDescription)")
        #expect(!other.contains(reverse), "\(other.debugDescription)")
        // No colour at all: no SGR 30–38 or 40–48 (39 and 49 are the terminal's own colours).
        #expect(rows.joined().firstMatch(of: /[\[;](3[0-8]|4[0-8])[;m]/) == nil)
    }

    @Test("Resizing redraws the screen at the new size, down to 20×5")
    func resize() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home)
        try reader.resize(width: 40, height: 8)
        try reader.waitFor("40 columns") { $0.contains { $0.hasPrefix("  Québec numérique") && $0.hasSuffix("2/3") && $0.count == 40 } }
        try reader.resize(width: 20, height: 5)
        try reader.waitFor("20×5") { screen in
            screen.count >= 5 && screen[3] == "  Québec numéri… 2/3" && screen.allSatisfy { $0.count <= 20 } }
        try reader.resize(width: 100, height: 30)
        try reader.waitFor(text: "Web à Québec  #web")
        // In the pager: the rule under the header follows the width, the status bar the last row.
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "Rencontre des développeurs")
        try reader.send("Enter")
        try reader.waitFor(text: String(repeating: "─", count: 100))
        try reader.resize(width: 60, height: 20)
        try reader.waitFor("60×20 pager") { screen in
            screen.contains(String(repeating: "─", count: 60)) && screen.count >= 20 && screen[19].hasPrefix("q:Back")
        }
        try reader.send("q", "q", "q")
        #expect(try reader.waitForExit() == 0)
    }

    @Test("o opens the link through the browser setting with the URL as one argument; metacharacters run nothing")
    func browser() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let argvFile = home.root.appendingPathComponent("argv")
        let script = try home.recordingScript(named: "record-argv", into: argvFile)
        try home.writeConfig("browser = [\"\(script.path)\"]\n")
        try? FileManager.default.removeItem(atPath: "/tmp/qnread-e2e-pwned")
        let reader = try Self.start(home)
        try reader.send("G", "Enter")
        try reader.waitFor(text: "Programme de la conférence")
        try reader.send("o")
        try reader.waitFor(text: "Opened https://exemple.qc.ca/")
        #expect(try String(contentsOf: argvFile, encoding: .utf8) == ReaderHome.hostileLink + "\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/qnread-e2e-pwned"))
        // The terminal came back: the list is drawn again and still answers keys.
        try reader.send("j")
        try reader.waitFor(text: "Appel de conférenciers")
    }
}
