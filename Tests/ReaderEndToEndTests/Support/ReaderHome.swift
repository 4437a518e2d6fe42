import FeedModel
import FeedParsing
import FeedStorage
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A home of its own for one run of the reader: temporary XDG dirs and a real SQLite store filled through
/// the store's own ingest API with French articles.
final class ReaderHome {
    let root: URL
    var config: URL { root.appendingPathComponent("config") }
    var data: URL { root.appendingPathComponent("data") }
    var database: URL { root.appendingPathComponent("qnread.sqlite") }

    static let hostileLink = "https://exemple.qc.ca/a;b&c|d$(touch /tmp/qnread-e2e-pwned)`id`'\"<>*?~"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-e2e-\(UUID().uuidString)")
        for dir in [config.appendingPathComponent("qnread"), data] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// How the reader writes a day (`2026-11-30`) with date_format unset: `Nov 30` this year (in the local zone, as
    /// the reader reads the clock), `Nov 30, 2026` before; `30 nov.`, `30 nov. 2026` in French.
    static func shownDate(_ day: String, french: Bool = false) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        let month = (french ? ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.", "déc."]
                            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])[parts[1] - 1]
        if french { return parts[0] == thisYear ? "\(parts[2]) \(month)" : "\(parts[2]) \(month) \(parts[0])" }
        return parts[0] == thisYear ? "\(month) \(parts[2])" : "\(month) \(parts[2]), \(parts[0])"
    }

    /// What a local server serves as a feed: "Web à Québec (local)", three items of 30 November 2026.
    static let localFeed: String = {
        let items = (1...3).map { n in
            "<item><title>Nouvelle \(n) : le Web à Québec</title><guid>waq-\(n)</guid>" +
                "<pubDate>Mon, 30 Nov 2026 1\(n):00:00 -0500</pubDate><description>Texte \(n)</description></item>"
        }.joined()
        return "<rss version=\"2.0\"><channel><title>Web à Québec (local)</title>\(items)</channel></rss>"
    }()

    /// Two feeds: Québec numérique (three articles, one read) and Web à Québec (two, one with a hostile link).
    /// The reader's feeds list names them too: at start the reader makes the store follow the list.
    func fillStore() throws {
        try "https://quebecnumerique.example/feed quebec\nhttps://webaquebec.example/rss web\n"
            .write(to: config.appendingPathComponent("qnread/feeds"), atomically: true, encoding: .utf8)
        let store = try FeedStore(path: database.path)
        let ids = try store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["quebec"]),
            Subscription(url: "https://webaquebec.example/rss", tags: ["web"]),
        ])
        var quebec = ParsedFeed(format: .rss20)
        quebec.title = "Québec numérique"
        quebec.items = [
            ParsedItem(id: "qn-1", title: "L’hiver arrive à Québec", link: "https://quebecnumerique.example/hiver",
                       authors: [ParsedPerson(name: "Émilie Tremblay")], published: Self.date("2026-11-30T10:00:00Z"),
                       content: "<p>« Bonjour à tous », dit-elle\u{a0}: l’été est fini, voici la neige à Québec.</p>"),
            ParsedItem(id: "qn-2", title: "« Les données ouvertes » en région", link: "https://quebecnumerique.example/donnees",
                       published: Self.date("2026-11-29T09:00:00Z"), content: "<p>Les municipalités publient.</p>"),
            ParsedItem(id: "qn-3", title: "Rencontre des développeurs de Lévis", link: "https://quebecnumerique.example/levis",
                       published: Self.date("2026-11-28T08:00:00Z"), content: "<p>Café et logiciels libres.</p>"),
        ]
        var web = ParsedFeed(format: .atom10)
        web.title = "Web à Québec"
        web.items = [
            ParsedItem(id: "waq-1", title: "Programme de la conférence", link: Self.hostileLink,
                       published: Self.date("2026-11-27T08:00:00Z"), content: "<p>Trois jours à Québec.</p>"),
            ParsedItem(id: "waq-2", title: "Appel de conférenciers", link: "https://webaquebec.example/appel",
                       published: Self.date("2026-11-26T08:00:00Z"), content: "<p>Proposez une présentation.</p>"),
        ]
        let now = Self.date("2026-12-01T08:00:00Z")
        _ = try store.apply(quebec, to: ids[0], now: now)
        _ = try store.apply(web, to: ids[1], now: now)
        let second = try store.articles(.feed(ids[0]), limit: 3)[1]
        try store.mark(.articles([second.id]), .read)
    }

    func writeConfig(_ text: String) throws {
        try text.write(to: config.appendingPathComponent("qnread/config.toml"), atomically: true, encoding: .utf8)
    }

    /// An executable script that writes its arguments, one a line, into `argv` (and, given `stdin`, its standard
    /// input there): what a browser, pipe or bookmark command received.
    func recordingScript(named name: String, into argv: URL, stdin: URL? = nil) throws -> URL {
        let script = root.appendingPathComponent(name)
        var text = "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(argv.path)\"\n"
        if let stdin { text += "cat > \"\(stdin.path)\"\n" }
        // Through a descriptor closed on exec: a program another test starts meanwhile (a tmux server) would
        // otherwise keep it open for writing, and running the script would fail with ETXTBSY.
        let fd = open(script.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw TmuxError(description: "cannot write \(script.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw TmuxError(description: "cannot write \(script.path)") }
        return script
    }

    /// The environment the reader runs in: nothing of the caller's home.
    var environment: [String: String] {
        ["HOME": root.path, "LANG": "C.UTF-8", "XDG_CONFIG_HOME": config.path, "XDG_DATA_HOME": data.path,
         "QNREAD_DB": database.path, "PATH": "/usr/bin:/bin",
         // No admin list from the machine running the tests.
         "QNREAD_SYSTEM_FEEDS": root.appendingPathComponent("etc/feeds").path,
         "QNREAD_SYSTEM_CONFIG": root.appendingPathComponent("etc/config.toml").path]
    }
}
