import Foundation
import LocalHTTPServer
import Testing

// The first run (nothing anywhere, no network) and a reload running behind the screens, in a real terminal.
@Suite("qnread in a terminal: first run and background reload", .serialized)
struct FirstRunAndReloadTests {
    @Test("A first run with no feeds list and no network opens on the bundled French demo feed")
    func firstRun() throws {
        let home = try ReaderHome()
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment, width: 100, height: 30)
        let feeds = try reader.waitFor(text: "Démo qnread")
        #expect(feeds.contains { $0.hasPrefix("  Démo qnread") && $0.hasSuffix("5/5") })
        // The default list's Québec feeds are listed; the reload at start may already have marked them failing
        // ("! " before the title), as there is no network here.
        #expect(feeds.contains { $0.dropFirst(2).hasPrefix("Web à Québec") })
        // Only the demo is fetched: the status line says which key fetches the rest.
        try reader.waitFor(text: "feeds never fetched: press R to fetch")
        try reader.send("Down", "Down", "Enter")
        try reader.waitFor(text: "Québec, capitale numérique\u{202F}? Les chiffres")
        try reader.send("Down", "Enter")
        let article = try reader.waitFor(text: "Québec n’a pas à rougir devant Montréal")
        #expect(article[1] == "Québec, capitale numérique\u{202F}? Les chiffres d’une communauté qui grandit")
    }

    @Test("R reloads in the background from 127.0.0.1 while the reader keeps answering keys")
    func backgroundReload() throws {
        let home = try ReaderHome()
        let feed = ReaderHome.localFeed
        // Slow enough that the keys below arrive while the reload is still running.
        let server = try LocalHTTPServer { _ in HTTPReply(text: feed, delay: 1.5) }
        try "\(server.url("/waq.xml")) web\n".write(to: home.config.appendingPathComponent("qnread/feeds"),
                                                   atomically: true, encoding: .utf8)
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment, width: 100, height: 30)
        try reader.waitFor(text: server.url("/waq.xml").absoluteString)
        try reader.send("R")
        try reader.waitFor(text: "Reloading 0/")
        // The fetching happens in a `qnread-tool reload` child; the reader's own process has no libcurl in it.
        let pid = try reader.programPID()
        let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
        #expect(!maps.contains("libcurl"))
        // The status bar changes before the child is spawned: look for it for a moment.
        let deadline = Date().addingTimeInterval(5)
        var child: [String]?
        while child == nil, Date() < deadline {
            child = Self.children(of: pid).first { $0.first?.hasSuffix("/qnread-tool") == true && $0.contains("reload") }
            if child == nil { usleep(20_000) }
        }
        #expect(child != nil, "no qnread-tool reload child of the reader")
        // Navigation goes on during the fetch: help opens and closes.
        try reader.send("?")
        try reader.waitFor(text: "Help")
        try reader.send("q")
        let done = try reader.waitFor(text: "Reloaded 1 feed")
        #expect(done.contains { $0.hasPrefix("  Web à Québec (local)  #web") && $0.hasSuffix("3/3") })
    }

    @Test("Quitting during a reload ends its child process too, with the terminal still open")
    func quitDuringReload() throws {
        let home = try ReaderHome()
        let feed = "<rss version=\"2.0\"><channel><title>Lent à Québec</title></channel></rss>"
        let server = try LocalHTTPServer { _ in HTTPReply(text: feed, delay: 5) }
        try "\(server.url("/lent.xml"))\n".write(to: home.config.appendingPathComponent("qnread/feeds"), atomically: true, encoding: .utf8)
        // Started from a shell that outlives it, as from a prompt: no hangup signal reaches the reload child when
        // the reader exits, so only the reader itself can stop it.
        let shell = try TmuxSession(["/bin/sh", "-c", "\"$0\"; sleep 30", ReaderInTmuxTests.binary],
                                    environment: home.environment, width: 100, height: 30)
        try shell.waitFor(text: server.url("/lent.xml").absoluteString)
        let reader = try #require(Self.childPIDs(of: try shell.programPID(), named: "/qnread").first)
        try shell.send("R")
        let deadline = Date().addingTimeInterval(5)
        var child: String?
        while child == nil, Date() < deadline {
            child = Self.childPIDs(of: reader, named: "/qnread-tool").first
            if child == nil { usleep(20_000) }
        }
        let reload = try #require(child, "no reload child appeared")
        try shell.send("Q")
        // Well before the server's 5-second answer: the child was told to stop, not left to finish its fetch.
        let gone = Date().addingTimeInterval(3)
        while Self.isRunning(reload) || Self.isRunning(reader), Date() < gone { usleep(20_000) }
        #expect(!Self.isRunning(reader))
        #expect(!Self.isRunning(reload), "the reload child still runs after the reader quit")
    }

    /// Alive and not a zombie.
    static func isRunning(_ pid: String) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !stat.contains(") Z ")
    }

    /// The process ids of `pid`'s children whose program path ends with `suffix`.
    static func childPIDs(of pid: String, named suffix: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            entry.allSatisfy(\.isNumber) && children(of: pid, only: entry).contains { $0.first?.hasSuffix(suffix) == true }
        }
    }

    /// The argv of every process whose parent is `pid` (field 4 of /proc/N/stat, after the `(comm)` field).
    static func children(of pid: String, only: String? = nil) -> [[String]] {
        let entries = only.map { [$0] } ?? (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { entry in
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, fields[1] == pid,
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
