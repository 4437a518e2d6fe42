import Foundation
import LocalHTTPServer
import Testing

// Podcasts in the real reader, in tmux, against a server on 127.0.0.1: the Enclosures entry, d queueing a
// download run by a background child with its progress in the status line, and P handing the file to the player.
@Suite("qnread in a terminal: podcasts", .serialized)
struct PodcastsInTmuxTests {
    /// 1 MB, each byte from its position: a file from the wrong place shows.
    static let episode = Data((0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 509) })

    @Test("d on the Enclosures screen downloads in the background, the status line follows it, P plays the file")
    func downloadAndPlay() throws {
        let home = try ReaderHome()
        // 16 KiB every 30 ms: about two seconds, long enough to see the download under way.
        let server = try LocalHTTPServer { request in
            guard request.path == "/balado.xml" else { return RangeReply.file(Self.episode, for: request, pace: 0.03) }
            return HTTPReply(text: """
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Balado Web à Québec</title>
                <item><title>Épisode 12 : l’accessibilité</title><guid>ep12</guid><pubDate>Mon, 30 Nov 2026 10:00:00 -0500</pubDate>
                <itunes:duration>52:10</itunes:duration>
                <enclosure url="\(request.header("host").map { "http://\($0)" } ?? "")/ep12.mp3" length="1000000" type="audio/mpeg"/></item>
                </channel></rss>
                """)
        }
        try "\(server.url("/balado.xml"))\n".write(to: home.config.appendingPathComponent("qnread/feeds"), atomically: true, encoding: .utf8)
        let argv = home.root.appendingPathComponent("argv")
        let player = try home.recordingScript(named: "lecteur", into: argv)
        let downloads = home.root.appendingPathComponent("balados")
        try home.writeConfig("""
            download_dir = "\(downloads.path)"
            player = ["\(player.path)", "--plein-écran"]
            """)
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment, width: 120, height: 30)
        try reader.waitFor(text: server.url("/balado.xml").absoluteString)
        try reader.send("R")
        let feeds = try reader.waitFor(text: "Reloaded 1 feed")
        #expect(feeds.contains { $0.hasPrefix("  Enclosures") && $0.hasSuffix("1/1") }, "\(feeds)")

        try reader.send("g", "j", "j", "Enter")
        let list = try reader.waitFor(text: "Épisode 12")
        #expect(list.contains { $0.hasPrefix(" new ") && $0.contains("Balado Web à Québec Épisode 12 : l’accessibilité  (audio/mpeg, 1.0 MB, 52:10)") },
                "\(list)")
        try reader.send("d")
        try reader.waitFor("a download under way") { $0.contains { $0.contains("Downloading 0/1") } }
        let done = try reader.waitFor(text: "Downloads finished: 1 done", timeout: 30)
        #expect(done.contains { $0.hasPrefix(" done ") && $0.contains("Épisode 12") }, "\(done)")
        let file = downloads.appendingPathComponent("Balado Web à Québec/Épisode 12 - l’accessibilité.mp3")
        #expect(FileManager.default.contents(atPath: file.path) == Self.episode)

        try reader.send("P")
        try reader.waitFor(text: "Played with \(player.path)")
        #expect(try String(contentsOf: argv, encoding: .utf8) == "--plein-écran\n\(file.path)\n")
    }

    @Test("notify_terminal and notify_bell: new articles after R send OSC 777 and OSC 9 through tmux's passthrough, and a bell")
    func terminalNotification() throws {
        let home = try ReaderHome()
        let server = try LocalHTTPServer { _ in HTTPReply(text: ReaderHome.localFeed) }
        try "\(server.url("/waq.xml"))\n".write(to: home.config.appendingPathComponent("qnread/feeds"), atomically: true, encoding: .utf8)
        try home.writeConfig("notify_terminal = true\nnotify_bell = true\n")
        var environment = home.environment
        // Inside tmux, as the reader sees it: the sequences go through tmux's passthrough.
        environment["TMUX"] = "/tmp/tmux-1000/default,1,0"
        environment["LANG"] = "fr_CA.UTF-8"
        let reader = try TmuxSession([ReaderInTmuxTests.binary], environment: environment, width: 100, height: 30)
        let output = home.root.appendingPathComponent("terminal-output")
        try reader.recordOutput(to: output)
        try reader.waitFor(text: server.url("/waq.xml").absoluteString)
        try reader.send("R")
        // The reader speaks French (LANG), its status line as the summary it announces.
        try reader.waitFor(text: "1 flux rechargé")
        let expected = "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;qnread;3 nouveaux articles dans 1 fil\u{07}\u{1B}\\"
            + "\u{1B}Ptmux;\u{1B}\u{1B}]9;qnread: 3 nouveaux articles dans 1 fil\u{07}\u{1B}\\" + "\u{07}"
        let deadline = Date().addingTimeInterval(5)
        var written = ""
        while !written.contains(expected), Date() < deadline {
            written = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            usleep(20_000)
        }
        #expect(written.contains(expected), "\(written.debugDescription.suffix(400))")

        // Nothing new: nothing announced.
        try reader.send("R")
        let fetched = Date().addingTimeInterval(10)
        while server.requests.count < 2, Date() < fetched { usleep(20_000) }
        try reader.waitFor("the second reload's end") { !$0.contains { $0.contains("Rechargement") } }
        usleep(300_000)
        let again = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(again.components(separatedBy: "]777;notify").count == 2, "one notification, from the first reload only")
    }
}

