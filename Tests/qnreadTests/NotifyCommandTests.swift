import Foundation
import LocalHTTPServer
import Testing

// notify_command after a reload that brought new articles: argv (never a shell) with the summary as one more
// argument, in the reader's language (config.toml's `language`, else the locale). The command here is a real
// program that records its argv.
@Suite("notify_command", .enabled(if: ParserReadiness.isReady, "needs the feed parser"))
struct NotifyCommandTests {
    final class Setup: @unchecked Sendable {
        let home = ReaderHome()
        let site = FeedSite()
        let server: LocalHTTPServer
        var log: URL { home.root.appendingPathComponent("notify.log") }
        var recorder: URL { home.root.appendingPathComponent("recorder") }

        init(command: [String]? = nil, config: String = "") throws {
            let site = site
            server = try LocalHTTPServer { site.reply($0) }
            // Writes each argument on a line of its own: what the program was given, word for word.
            try home.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(log.path)\"\n", to: recorder)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: recorder.path)
            let argv = (command ?? [recorder.path, "qnread", "--urgency=low"]).map { "\"\($0)\"" }.joined(separator: ", ")
            try home.write(config + "notify_command = [\(argv)]\n", to: home.root.appendingPathComponent("config/qnread/config.toml"))
        }

        deinit { home.remove() }

        func feeds(_ feeds: [(String, Range<Int>)]) throws {
            for (path, items) in feeds { site.set(path, HTTPReply(text: frenchFeed(title: path, items: items))) }
            try home.write(feeds.map { server.url($0.0).absoluteString }.joined(separator: "\n") + "\n", to: home.userFeeds)
        }

        func recorded() throws -> [String]? {
            guard FileManager.default.fileExists(atPath: log.path) else { return nil }
            defer { try? FileManager.default.removeItem(at: log) }
            return try home.read(log).split(separator: "\n").map(String.init)
        }
    }

    @Test("New articles run the command with a French summary; a reload with nothing new runs nothing")
    func french() throws {
        let setup = try Setup()
        try setup.feeds([("/a.xml", 0..<12), ("/b.xml", 20..<21), ("/c.xml", 30..<31)])
        let reload = try setup.home.run(["reload"], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(reload.status == 0, "\(reload.stderr)")
        #expect(reload.stderr.isEmpty)
        #expect(try setup.recorded() == ["qnread", "--urgency=low", "14 nouveaux articles dans 3 fils"])
        #expect(try setup.home.run(["reload"], extra: ["LANG": "fr_CA.UTF-8"]).status == 0)
        #expect(try setup.recorded() == nil)
        setup.site.set("/b.xml", HTTPReply(text: frenchFeed(title: "/b.xml", items: 20..<22)))
        #expect(try setup.home.run(["reload"], extra: ["LC_ALL": "fr_FR.UTF-8"]).status == 0)
        #expect(try setup.recorded() == ["qnread", "--urgency=low", "1 nouvel article dans 1 fil"])
    }

    @Test("Outside a French locale the summary is English")
    func english() throws {
        let setup = try Setup()
        try setup.feeds([("/a.xml", 0..<3), ("/b.xml", 20..<21)])
        // LC_ALL wins over LANG, as POSIX orders them.
        #expect(try setup.home.run(["reload"], extra: ["LANG": "fr_CA.UTF-8", "LC_ALL": "C.UTF-8"]).status == 0)
        #expect(try setup.recorded() == ["qnread", "--urgency=low", "4 new articles in 2 feeds"])
    }

    @Test("config.toml's language decides over the locale, as for the reader's own words")
    func languageSetting() throws {
        let setup = try Setup(config: "language = \"fr\"\n")
        try setup.feeds([("/a.xml", 0..<1)])
        #expect(try setup.home.run(["reload"], extra: ["LC_ALL": "C.UTF-8"]).status == 0)
        #expect(try setup.recorded() == ["qnread", "--urgency=low", "1 nouvel article dans 1 fil"])
    }

    @Test("A missing or failing command gives one warning line, and the reload succeeds", arguments: [
        (["/inexistant/notifier"], "qnread: notify_command: cannot run /inexistant/notifier: No such file or directory\n"),
        (["/bin/false", "qnread"], "qnread: notify_command: /bin/false exited with status 1\n"),
    ])
    func failing(_ command: [String], _ warning: String) throws {
        let setup = try Setup(command: command)
        try setup.feeds([("/a.xml", 0..<2)])
        let reload = try setup.home.run(["reload"])
        #expect(reload.status == 0)
        #expect(reload.stderr == warning)
        #expect(reload.stdout.hasSuffix("2 new articles\n"))
    }
}
