import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import LocalHTTPServer
import Testing

// pipe-to, save and the live reader, with the real qnread in tmux: what a program receives, the file a hostile
// title becomes, and a cron reload showing up on the open screen.
@Suite("qnread in a terminal: article commands and the live reader", .serialized)
struct ArticleCommandsInTmuxTests {
    static var tool: String {
        URL(fileURLWithPath: ReaderInTmuxTests.binary).deletingLastPathComponent().appendingPathComponent("qnread-tool").path
    }

    @Test("| pipes the article's text to the configured program, argv as written, and the screen comes back")
    func pipeTo() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let argv = home.root.appendingPathComponent("argv")
        let stdin = home.root.appendingPathComponent("stdin")
        let script = try home.recordingScript(named: "lecteur", into: argv, stdin: stdin)
        try home.writeConfig("pipe = [\"\(script.path)\", \"-R\", \"deux mots; $(id)\"]\n")
        let reader = try ReaderInTmuxTests.start(home)
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "L’hiver arrive à Québec")
        try reader.send("|")
        try reader.waitFor(text: "Piped the article to \(script.path)")
        #expect(try String(contentsOf: argv, encoding: .utf8) == "-R\ndeux mots; $(id)\n")
        let text = try String(contentsOf: stdin, encoding: .utf8)
        #expect(text.hasPrefix("L’hiver arrive à Québec\nQuébec numérique · Émilie Tremblay · \(ReaderHome.shownDate("2026-11-30"))\nhttps://quebecnumerique.example/hiver\n"))
        #expect(text.contains("« Bonjour à tous », dit-elle"))
        let screen = try reader.screen()
        #expect(screen.contains { $0.hasPrefix("   \(ReaderHome.shownDate("2026-11-30")) L’hiver arrive à Québec") || $0.hasPrefix("N  \(ReaderHome.shownDate("2026-11-30")) L’hiver") })
    }

    // A title is the feed's to choose: path syntax, a climb out of the directory, escape sequences, any length.
    static let hostileTitle = "../../.bashrc/\u{1B}]0;pwned\u{07}\u{1B}[2J« Québec »\\:*?" + String(repeating: "é", count: 300)

    @Test("S saves a hostile title as one safe file in the XDG download directory, and never replaces one")
    func saveHostileTitle() throws {
        let home = try ReaderHome()
        try "https://piege.example/feed\n".write(to: home.config.appendingPathComponent("qnread/feeds"), atomically: true,
                                                 encoding: .utf8)
        let store = try FeedStore(path: home.database.path)
        let id = try store.syncSubscriptions([Subscription(url: "https://piege.example/feed")])[0]
        var feed = ParsedFeed(format: .rss20, title: "Piège")
        feed.items = [ParsedItem(id: "p-1", title: Self.hostileTitle, link: "https://piege.example/1",
                                 published: ReaderHome.date("2026-11-30T10:00:00Z"), content: "<p>Texte \u{1B}[31mrouge</p>")]
        _ = try store.apply(feed, to: id, now: ReaderHome.date("2026-12-01T08:00:00Z"))
        // No save_dir: where `xdg-user-dir DOWNLOAD` points.
        let downloads = home.root.appendingPathComponent("Téléchargements")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try "XDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n".write(to: home.config.appendingPathComponent("user-dirs.dirs"),
                                                                  atomically: true, encoding: .utf8)
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment, width: 100, height: 30)
        try reader.waitFor(text: "Piège")
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "« Québec »")
        try reader.send("S")
        try reader.waitFor(text: "Saved \(downloads.path)/")
        try reader.send("S")
        try reader.waitFor("a second file") { _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: downloads.path)) ?? []).count == 2
        }

        let saved = try FileManager.default.contentsOfDirectory(atPath: downloads.path).sorted()
        // Dots and dashes gone from the front, path syntax a "-", controls dropped, cut to 200 bytes with the suffix.
        let first = "bashrc-]0;pwned[2J« Québec »----" + String(repeating: "é", count: 80) + ".txt"
        let second = "bashrc-]0;pwned[2J« Québec »----" + String(repeating: "é", count: 78) + " (2).txt"
        #expect(saved == [second, first])
        #expect(saved.allSatisfy { $0.utf8.count <= 200 && !$0.unicodeScalars.contains { $0.value < 0x20 } })
        let text = try String(contentsOf: downloads.appendingPathComponent(first), encoding: .utf8)
        #expect(text.contains("Texte [31mrouge") && !text.contains("\u{1B}"))
        #expect(!FileManager.default.fileExists(atPath: home.root.appendingPathComponent(".bashrc").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.root.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test("y puts the article's URL in tmux's clipboard through OSC 52, and the passthrough copy leaves the screen clean")
    func yankURL() throws {
        let home = try ReaderHome()
        try home.fillStore()
        var environment = home.environment
        environment["TMUX"] = "/tmp/tmux-e2e/default,1,0"   // inside tmux, as tmux itself would say
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: environment, width: 100, height: 30)
        try reader.setServerOption("set-clipboard", "on")
        try reader.waitFor(text: "Québec numérique")
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "L’hiver arrive à Québec")
        try reader.send("y")
        let screen = try reader.waitFor(text: "Copied https://quebecnumerique.example/hiver")
        #expect(reader.pasteBuffer() == "https://quebecnumerique.example/hiver")
        #expect(!screen.joined().contains("tmux;") && !screen.joined().contains("52;c;"))
    }

    @Test("A qnread reload from outside (cron) shows on the open list and the feed list, without a key")
    func outsideReload() throws {
        let home = try ReaderHome()
        let server = try LocalHTTPServer { _ in HTTPReply(text: ReaderHome.localFeed) }
        let url = server.url("/waq.xml").absoluteString
        try "\(url) web\n".write(to: home.config.appendingPathComponent("qnread/feeds"), atomically: true, encoding: .utf8)
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment, width: 100, height: 30)
        try reader.waitFor(text: url)
        try reader.send("j", "j", "Enter")
        try reader.waitFor(text: "qnread — \(url)")

        // Another process, the way cron runs it: same database, same config.
        let log = home.root.appendingPathComponent("reload.log").path
        let status = try ChildProcess.run(["/usr/bin/env", "-i"] + home.environment.map { "\($0.key)=\($0.value)" }
                                          + [Self.tool, "reload"], output: log)
        #expect(status == 0, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let list = try reader.waitFor(text: "Nouvelle 3 : le Web à Québec")
        #expect(list.contains { $0.hasPrefix("N  \(ReaderHome.shownDate("2026-11-30")) Nouvelle 3 : le Web à Québec") })
        #expect(list.last { !$0.isEmpty }?.hasSuffix("1/3") == true, "the first row stays selected")
        try reader.send("q")
        try reader.waitFor("the counts") { $0.contains { $0.hasPrefix("  Web à Québec (local)  #web") && $0.hasSuffix("3/3") } }
    }
}
