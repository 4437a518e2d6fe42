import FeedStorage
import Foundation
import LocalHTTPServer
import Testing

// What went wrong, said in French under LANG=fr_CA.UTF-8: fetch failures (worded when the fetch fails and stored as
// worded, as newsboat does), feeds-list problems and filter errors. \u{A0} is French punctuation's no-break space.

@Suite("Problems said in French")
struct FrenchProblemsTests {
    @Test("reload says a 404 and a refused connection in French, and stores them so; feeds check --json stays English")
    func fetchFailures() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux A", items: 0..<2)))
        let refused = "http://127.0.0.1:1/flux.xml"
        try home.write("\(server.url("/a.xml"))\n\(server.url("/absent.xml"))\n\(refused)\n", to: home.userFeeds)
        let db = home.root.appendingPathComponent("qnread.sqlite").path

        let reload = try home.run(["reload", "--db", db], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(reload.status == 1)
        #expect(reload.stdout.contains("  \(server.url("/absent.xml"))  HTTP 404 Introuvable\n"), "\(reload.stdout)")
        #expect(reload.stdout.contains("  \(refused)  connexion refusée\n"), "\(reload.stdout)")
        let store = try FeedStore(path: db)
        #expect(try store.feed(url: refused)?.fetch.lastError == "connexion refusée")

        let english = try home.run(["reload", "--db", db])
        #expect(english.stdout.contains("  \(server.url("/absent.xml"))  HTTP 404 Not Found\n"), "\(english.stdout)")
        #expect(try store.feed(url: refused)?.fetch.lastError == "connection refused")

        let check = try home.run(["feeds", "check", "--json"], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(check.stdout.contains("\"error\" : \"HTTP 404 Not Found\""), "\(check.stdout)")
        #expect(check.stdout.contains("\"error\" : \"connection refused\""), "\(check.stdout)")
        let table = try home.run(["feeds", "check"], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(table.stdout.contains("connexion refusée"), "\(table.stdout)")
    }

    @Test("A page that is no feed is said in French by reload and parse, stored so, and in English under C.UTF-8")
    func parseFailures() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/page.html", HTTPReply(headers: [("Content-Type", "text/html")], text: "<html><body><p>Bonjour</p></body></html>"))
        try home.write("\(server.url("/page.html"))\n", to: home.userFeeds)
        let db = home.root.appendingPathComponent("qnread.sqlite").path

        let reload = try home.run(["reload", "--db", db], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(reload.status == 1)
        let french = "pas un flux\u{A0}: une page HTML, qui ne mène à aucun flux"
        #expect(reload.stdout.contains("  \(server.url("/page.html"))  \(french)\n"), "\(reload.stdout)")
        #expect(try FeedStore(path: db).feed(url: server.url("/page.html").absoluteString)?.fetch.lastError == french)

        let empty = home.root.appendingPathComponent("vide.xml")
        try home.write("", to: empty)
        let parse = try home.run(["parse", empty.path], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(parse.stderr.contains(empty.path + "\u{A0}: pas un flux\u{A0}: le fichier est vide"), "\(parse.stderr)")
        let english = try home.run(["parse", empty.path])
        #expect(english.stderr.contains(empty.path + ": not a feed: the file is empty"), "\(english.stderr)")
    }

    @Test("A feeds list's bad lines are reported in French, with their file and line as they are")
    func feedsListProblems() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write("https://ok.example/feed\nhtp://x\nquery:Faute:titel = \"x\"\n", to: home.userFeeds)
        let list = try home.run(["feeds", "list"], extra: ["LANG": "fr_CA.UTF-8"])
        let path = home.userFeeds.path
        #expect(list.stderr.contains(path + ":2: «\u{A0}htp://x\u{A0}» n’est pas une URL (qnread lit les URL http, https et file)\n"),
                "\(list.stderr)")
        #expect(list.stderr.contains(path + ":3: flux de requête «\u{A0}Faute\u{A0}»\u{A0}: filtre\u{A0}: colonne 1\u{A0}: "
                                     + "attribut inconnu «\u{A0}titel\u{A0}»\u{A0}; ignoré\n"), "\(list.stderr)")
        let english = try home.run(["feeds", "list"])
        #expect(english.stderr.contains(path + ":2: “htp://x” is not a URL (qnread reads http, https and file URLs)\n"))
    }

    @Test("A filter that cannot be used is said in French by articles --filter and config check")
    func filterErrors() throws {
        let fixture = try StoreFixture()
        let result = try fixture.run(["articles", "--filter", #"unread = "yes" and titel = "x""#], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(result.status == 1)
        #expect(result.stderr == "Erreur\u{A0}: filtre\u{A0}: colonne 20\u{A0}: attribut inconnu «\u{A0}titel\u{A0}»\n")

        let home = ReaderHome()
        defer { home.remove() }
        try home.write("[[ignore]]\nfeed = \"*\"\nfilter = 'unread = \"peut-être\"'\n",
                       to: home.root.appendingPathComponent("config/qnread/config.toml"))
        let check = try home.run(["config", "check"], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(check.status == 1)
        #expect(check.stderr == "config.toml:3: filtre\u{A0}: colonne 10\u{A0}: unread vaut «\u{A0}yes\u{A0}» ou «\u{A0}no\u{A0}», "
                + "pas «\u{A0}peut-être\u{A0}»\n", "\(check.stderr)")
    }

    @Test("A search that cannot run is said in French")
    func searchErrors() throws {
        let fixture = try StoreFixture()
        try fixture.addQuebecNumerique()
        let result = try fixture.run(["search", "is:lu", "québec"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(result.status == 1)
        #expect(result.stderr == "Erreur\u{A0}: filtre inconnu is:lu (utilisez is:unread ou is:starred)\n", "\(result.stderr)")
    }

    // No Tiny Tiny RSS needed: nothing listens on port 1. The stored reason is the reader's next start line.
    @Test("A sync that cannot reach its server says so in French, and stores it so")
    func syncUnreachable() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let config = home.root.appendingPathComponent("config/qnread/config.toml")
        try home.write("[sync]\nservice = \"ttrss\"\nurl = \"http://127.0.0.1:1/\"\nuser = \"marie\"\npassword_command = [\"echo\", \"x\"]\n",
                       to: config)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        let db = home.root.appendingPathComponent("qnread.sqlite").path
        let sync = try home.run(["sync", "--db", db], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(sync.status == 1)
        #expect(sync.stderr == "Erreur\u{A0}: échec de la synchronisation\u{A0}: impossible de joindre Tiny Tiny RSS à "
                + "http://127.0.0.1:1/api/\u{A0}: connexion refusée\n", "\(sync.stderr)")
        #expect(try FeedStore(path: db).syncStatus().lastError
                == "impossible de joindre Tiny Tiny RSS à http://127.0.0.1:1/api/\u{A0}: connexion refusée")
    }

    @Test("A file that is not a qnread database is said in French, its path as it is")
    func storeErrors() throws {
        let fixture = try StoreFixture()
        try Data("pas une base\n".utf8).write(to: URL(fileURLWithPath: fixture.dbPath))
        let french = try fixture.run(["stats"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(french.status == 1)
        #expect(french.stderr == "Erreur\u{A0}: \(fixture.dbPath)\u{A0}: pas une base de qnread\n", "\(french.stderr)")
        let english = try fixture.run(["stats"], environment: ["LANG": "C.UTF-8"])
        #expect(english.stderr == "Error: \(fixture.dbPath): not a qnread database\n", "\(english.stderr)")
        // The reader itself (no subcommand) says it too, before it takes the screen.
        let reader = try fixture.run([], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(reader.status == 1)
        #expect(reader.stderr == "Erreur\u{A0}: \(fixture.dbPath)\u{A0}: pas une base de qnread\n", "\(reader.stderr)")
    }
}
