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
}
