import Foundation
import LocalHTTPServer
import Testing

// Podcasts from the command line, as podboat users run them: a real feed from a server on 127.0.0.1 with audio and
// video enclosures, `qnread enclosures` and `qnread download` into a download directory, hostile titles and URLs,
// and a download killed with kill -9 then resumed.
@Suite("qnread enclosures and download", .enabled(if: ParserReadiness.isReady, "needs the feed parser"))
struct PodcastCommandTests {
    /// 400 KB per episode, each byte depending on its position and the episode, so a file from the wrong place shows.
    static func episode(_ number: Int, size: Int = 400_000) -> Data {
        Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* (number + 3) &+ $0 / 253) })
    }

    /// A podcast home: the feeds file names the server's /balado.xml, config.toml sends downloads under `dl/`. The
    /// server serves the feed and episodes (`episodes`: path → bytes, with Range, paced when asked), and logs each
    /// episode request's Range header.
    final class Balado: @unchecked Sendable {
        let home = ReaderHome()
        let site = FeedSite()
        let ranges = RangeLog()
        private let lock = NSLock()
        private var episodes: [String: (data: Data, pace: TimeInterval, hold: TimeInterval)] = [:]
        private(set) var server: LocalHTTPServer!
        var downloads: URL { home.root.appendingPathComponent("dl") }

        init(extraConfig: String = "") throws {
            server = try LocalHTTPServer { [unowned self] request in
                guard let episode = lock.withLock({ episodes[request.path] }) else { return site.reply(request) }
                ranges.add(request.header("Range"))
                var reply = RangeReply.file(episode.data, for: request, pace: episode.pace)
                reply.delay = episode.hold
                return reply
            }
            try home.write("\(server.url("/balado.xml"))\n", to: home.userFeeds)
            try home.write("download_dir = \"\(downloads.path)\"\n" + extraConfig, to: home.root.appendingPathComponent("config/qnread/config.toml"))
        }

        deinit { home.remove() }

        func url(_ path: String) -> String { server.url(path).absoluteString }

        func serveFeed(title: String = "Balado Web à Québec", _ items: [String]) {
            site.set("/balado.xml", HTTPReply(headers: [("Content-Type", "application/rss+xml")], text: """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
                <channel><title>\(title)</title><link>\(url("/"))</link>
                \(items.joined(separator: "\n"))
                </channel></rss>
                """))
        }

        /// `hold`: the answer waits this long, a time the server counts as in flight (its `maxInFlight`).
        func serveEpisode(_ path: String, _ data: Data, pace: TimeInterval = 0, hold: TimeInterval = 0) {
            lock.withLock { episodes[path] = (data, pace, hold) }
        }

        func run(_ arguments: [String], extra: [String: String] = [:]) throws -> CommandResult { try home.run(arguments, extra: extra) }

        /// Every file under the download directory, relative paths.
        func files() -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: downloads.path)
            var out: [String] = []
            while let path = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: downloads.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    out.append(path)
                }
            }
            return out.sorted()
        }

        func enclosures() throws -> [[String: Any]] {
            let result = try run(["enclosures", "--json"])
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        }
    }

    static func item(_ guid: String, _ title: String, date: String, enclosure: String, type: String = "audio/mpeg",
                     length: Int? = 400_000, extra: String = "") -> String {
        """
        <item><title>\(title)</title><guid isPermaLink="false">\(guid)</guid><pubDate>\(date)</pubDate>\(extra)
        <enclosure url="\(enclosure)" type="\(type)"\(length.map { " length=\"\($0)\"" } ?? "")/></item>
        """
    }

    @Test("Enclosures are listed newest first with type, human size and duration in every form, then their state")
    func listing() throws {
        let balado = try Balado()
        balado.serveFeed([
            Self.item("ep3", "Épisode 3 : la vidéo", date: "Wed, 02 Dec 2026 10:00:00 -0500", enclosure: "https://balado.exemple/ep3.mp4",
                      type: "video/mp4", length: 734_003_200, extra: "<itunes:duration>01:02:03</itunes:duration>"),
            Self.item("ep2", "Épisode 2", date: "Tue, 01 Dec 2026 10:00:00 -0500", enclosure: "https://balado.exemple/ep2.mp3",
                      extra: "<itunes:duration> 45: 30 </itunes:duration><itunes:title>Les minutes</itunes:title>"),
            Self.item("ep1", "Épisode 1", date: "Mon, 30 Nov 2026 10:00:00 -0500", enclosure: "https://balado.exemple/ep1.ogg",
                      type: "audio/ogg", length: nil, extra: "<itunes:duration>3723</itunes:duration>"),
        ])
        #expect(try balado.run(["reload"]).status == 0)
        let list = try balado.enclosures()
        let enclosures = list.compactMap { $0["enclosure"] as? [String: Any] }
        #expect(enclosures.compactMap { $0["url"] as? String } == ["https://balado.exemple/ep3.mp4", "https://balado.exemple/ep2.mp3", "https://balado.exemple/ep1.ogg"])
        #expect(enclosures.compactMap { $0["duration"] as? Int } == [3723, 2730, 3723])
        #expect(enclosures.compactMap { $0["durationText"] as? String } == ["1:02:03", "45:30", "1:02:03"])
        #expect(enclosures.compactMap { $0["size"] as? String } == ["734.0 MB", "400.0 kB"])
        #expect(enclosures[1]["title"] as? String == "Les minutes")
        #expect(list.compactMap { $0["state"] as? String } == ["new", "new", "new"])

        let text = try balado.run(["enclosures"]).stdout.split(separator: "\n").map(String.init)
        #expect(text.count == 3)
        #expect(text[0].hasSuffix("new               Balado Web à Québec  Épisode 3 : la vidéo  (video/mp4, 734.0 MB, 1:02:03)"), "\(text[0])")
        #expect(text[1].contains("Les minutes  (audio/mpeg, 400.0 kB, 45:30)"), "\(text[1])")

        let articles = try JSONSerialization.jsonObject(with: Data(try balado.run(["articles", "--json"]).stdout.utf8)) as? [[String: Any]]
        let first = try #require((articles?.first?["enclosures"] as? [[String: Any]])?.first)
        #expect(first["size"] as? String == "734.0 MB" && first["durationText"] as? String == "1:02:03")
        #expect(first["length"] as? Int == 734_003_200 && first["duration"] as? Int == 3723 && first["type"] as? String == "video/mp4")

        let show = try balado.run(["show", String(list[0]["article"] as? Int ?? 0), "--width", "80"])
        #expect(show.stdout.contains("[1] https://balado.exemple/ep3.mp4 (vidéo, 734.0\u{a0}MB, 1:02:03)"), "\(show.stdout)")
    }

    @Test("download --all-new writes each episode under feed/title.ext, hostile names made safe, nothing overwritten")
    func downloadsWithSafeNames() throws {
        let balado = try Balado()
        let longTitle = String(repeating: "Épisode très long ", count: 30)
        balado.serveFeed(title: "../../.config", [
            Self.item("a", "../../.bashrc", date: "Wed, 02 Dec 2026 10:00:00 -0500", enclosure: balado.url("/a.mp3")),
            Self.item("b", "-rf / &#x1B;]0;pwned&#x7;Épisode", date: "Wed, 02 Dec 2026 09:00:00 -0500",
                      enclosure: balado.url("/media/..%2F..%2Fpasswd?x=/etc"), type: "application/x-inconnu"),
            Self.item("c", longTitle, date: "Wed, 02 Dec 2026 08:00:00 -0500", enclosure: balado.url("/c"), type: "audio/x-m4a"),
            Self.item("d", "Même titre", date: "Wed, 02 Dec 2026 07:00:00 -0500", enclosure: balado.url("/d.mp3")),
            Self.item("e", "Même titre", date: "Wed, 02 Dec 2026 06:00:00 -0500", enclosure: balado.url("/e.mp3")),
            Self.item("f", "Absent", date: "Wed, 02 Dec 2026 05:00:00 -0500", enclosure: balado.url("/absent.mp3")),
        ])
        let bodies = ["/a.mp3": Self.episode(1), "/media/..%2F..%2Fpasswd": Self.episode(2), "/c": Self.episode(3),
                      "/d.mp3": Self.episode(4), "/e.mp3": Self.episode(5)]
        for (path, body) in bodies { balado.serveEpisode(path, body) }
        #expect(try balado.run(["reload"]).status == 0)
        // A file of the user's own already has the first "Même titre" name: it is not overwritten.
        let mine = balado.downloads.appendingPathComponent("config/Même titre.mp3")
        try balado.home.write("mes notes", to: mine)

        let download = try balado.run(["download", "--all-new"])
        #expect(download.status == 1, "the absent episode fails: \(download.stdout)")
        #expect(download.stdout.contains("FAILED  \(balado.server.url("/absent.mp3"))  HTTP 404 Not Found"))
        #expect(download.stdout.hasSuffix("5 downloaded, 1 failed\n"), "\(download.stdout)")
        let files = balado.files()
        #expect(files.allSatisfy { $0.hasPrefix("config/") }, "\(files)")
        #expect(files.contains("config/bashrc.mp3"))
        #expect(files.contains("config/rf - ]0;pwnedÉpisode.bin"), "\(files)")
        #expect(!files.contains { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        #expect(files.contains("config/Même titre (2).mp3") && files.contains("config/Même titre (3).mp3"), "\(files)")
        #expect(try balado.home.read(mine) == "mes notes")
        let long = try #require(files.first { $0.contains("très long") })
        #expect(long.split(separator: "/").last!.utf8.count <= 200 && long.hasSuffix(".m4a"))
        #expect(!files.contains { $0.hasSuffix(".part") })
        for name in files where !name.hasPrefix("config/Même titre.mp3") {
            let data = try Data(contentsOf: balado.downloads.appendingPathComponent(name))
            #expect(bodies.values.contains(data), "\(name) holds what the server sent")
        }
        let states = try balado.enclosures().compactMap { $0["state"] as? String }
        #expect(states == ["done", "done", "done", "done", "done", "failed"])
        // Nothing new: a second run downloads nothing.
        #expect(try balado.run(["download", "--all-new"]).stdout == "Nothing to download\n")
    }

    @Test("In French: the states, the download lines and the counts through the catalogue; --json stays the same")
    func french() throws {
        let balado = try Balado()
        balado.serveFeed([
            Self.item("a", "Épisode 1", date: "Wed, 02 Dec 2026 10:00:00 -0500", enclosure: balado.url("/a.mp3")),
            Self.item("b", "Absent", date: "Wed, 02 Dec 2026 09:00:00 -0500", enclosure: balado.url("/absent.mp3")),
        ])
        balado.serveEpisode("/a.mp3", Self.episode(1))
        let french = ["LANG": "fr_CA.UTF-8"]
        #expect(try balado.run(["reload"]).status == 0)
        let listed = try balado.run(["enclosures"], extra: french).stdout.split(separator: "\n")
        #expect(listed.count == 2 && listed.allSatisfy { $0.contains("  nouveau           Balado Web à Québec  ") }, "\(listed)")
        #expect(try balado.run(["download"], extra: french).stdout == "Rien en attente (qnread download --all-new, ou des numéros d’articles)\n")

        let download = try balado.run(["download", "--all-new"], extra: french)
        #expect(download.status == 1)
        let lines = download.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("début   \(balado.url("/a.mp3"))  → \(balado.downloads.path)/Balado Web à Québec/Épisode 1.mp3.part"), "\(lines)")
        #expect(lines.contains("terminé  \(balado.downloads.path)/Balado Web à Québec/Épisode 1.mp3  400.0 kB"), "\(lines)")
        #expect(lines.contains("ÉCHEC   \(balado.url("/absent.mp3"))  HTTP 404 Not Found"), "\(lines)")
        #expect(lines.last == "1 téléchargé, 1 en échec")
        let states = try balado.run(["enclosures"], extra: french).stdout.split(separator: "\n").map { $0.contains("  terminé   ") || $0.contains("  en échec  ") }
        #expect(states == [true, true])
        #expect(try balado.enclosures().compactMap { $0["state"] as? String } == ["done", "failed"])
        #expect(try balado.run(["download", "99999"], extra: french).stderr.contains("aucun article 99999 dans "))
    }

    @Test("A download killed with kill -9 leaves no file under its final name, and the next run resumes it with Range")
    func killedThenResumed() throws {
        let balado = try Balado()
        let body = Self.episode(7, size: 2_000_000)
        // 16 KiB pieces 40 ms apart: about 5 s for the whole episode, time to kill it in the middle.
        balado.serveEpisode("/long.mp3", body, pace: 0.04)
        balado.serveFeed(title: "Balado", [Self.item("long", "Le long épisode", date: "Wed, 02 Dec 2026 10:00:00 -0500",
                                                     enclosure: balado.url("/long.mp3"), length: 2_000_000)])
        #expect(try balado.run(["reload"]).status == 0)
        let article = try #require(try balado.enclosures().first?["article"] as? Int)

        let child = Process()
        child.executableURL = QnReadProcess.binaryURL
        child.arguments = ["download", String(article)]
        var environment = balado.home.environment
        environment["PATH"] = "/usr/bin:/bin"
        environment["LANG"] = "C.UTF-8"
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let final = balado.downloads.appendingPathComponent("Balado/Le long épisode.mp3").path
        let partial = final + ".part"
        let deadline = Date().addingTimeInterval(60)
        while child.isRunning, (Self.size(partial) ?? 0) < 300_000, Date() < deadline { usleep(10_000) }
        let wasRunning = child.isRunning
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(wasRunning, "the download ended before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: final), "no file under its final name")
        let kept = try #require(Self.size(partial))
        #expect(kept >= 300_000 && kept < 2_000_000)
        #expect(try balado.enclosures().first?["state"] as? String == "downloading")

        // Meanwhile a file of the user's took the final name: it is kept, the episode gets a number.
        try balado.home.write("à moi", to: URL(fileURLWithPath: final))
        // The next run (no arguments: what is pending) resumes from what is on disk.
        let resumed = try balado.run(["download"])
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("(resumed at "), "\(resumed.stdout)")
        #expect(balado.ranges.values.count == 2)
        #expect(balado.ranges.values.first == .some(nil))
        let second = try #require(balado.ranges.values.last ?? nil)
        #expect(second.hasPrefix("bytes=") && (Int(second.dropFirst(6).dropLast()) ?? 0) >= 300_000, "\(second)")
        #expect(try balado.home.read(URL(fileURLWithPath: final)) == "à moi")
        let numbered = balado.downloads.appendingPathComponent("Balado/Le long épisode (2).mp3").path
        #expect(FileManager.default.contents(atPath: numbered) == body)
        #expect(!FileManager.default.fileExists(atPath: partial))
        #expect(try balado.enclosures().first?["state"] as? String == "done")
    }

    /// A podcast with one episode, "Épisode N" at /epN.mp3, reloaded: its home, the episode's bytes, its article.
    static func oneEpisode(_ number: Int, title: String? = nil, extraConfig: String = "") throws -> (Balado, Data, Int) {
        let balado = try Balado(extraConfig: extraConfig)
        let body = Self.episode(number)
        balado.serveEpisode("/ep\(number).mp3", body)
        balado.serveFeed(title: "Balado", [Self.item("ep\(number)", title ?? "Épisode \(number)", date: "Wed, 02 Dec 2026 10:00:00 -0500",
                                                     enclosure: balado.url("/ep\(number).mp3"))])
        #expect(try balado.run(["reload"]).status == 0)
        return (balado, body, try #require(try balado.enclosures().first?["article"] as? Int))
    }

    /// Makes the store refuse to record a download as done (as on a full disk); the other writes go through.
    static let refuseDone = """
        CREATE TRIGGER refuse_done BEFORE UPDATE ON enclosure_download WHEN NEW.phase = 'done'
        BEGIN SELECT RAISE(ABORT, 'disk full'); END;
        """

    /// Runs one SQL statement on the reader's database with python3's sqlite3 (another program, as cron would be).
    static func sql(_ statement: String, in balado: Balado) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()",
                             balado.home.root.appendingPathComponent("data/qnread/qnread.sqlite").path, statement]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(statement)")
    }

    @Test("A whole download the store cannot record as done keeps its partial file, and the next run finishes it")
    func doneNotRecorded() throws {
        let (balado, body, article) = try Self.oneEpisode(8)
        try Self.sql(Self.refuseDone, in: balado)
        let refused = try balado.run(["download", String(article)])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(balado.files() == ["Balado/Épisode 8.mp3.part"], "no file under its final name")
        #expect(try balado.enclosures().first?["state"] as? String == "failed")

        try Self.sql("DROP TRIGGER refuse_done", in: balado)
        let finished = try balado.run(["download", String(article)])
        #expect(finished.status == 0, "\(finished.stdout)\(finished.stderr)")
        #expect(balado.files() == ["Balado/Épisode 8.mp3"], "the same name, not a second copy")
        #expect(FileManager.default.contents(atPath: balado.downloads.appendingPathComponent("Balado/Épisode 8.mp3").path) == body)
        #expect(balado.ranges.values == [nil, "bytes=400000-"], "the second run asked only past the whole file")
        #expect(try balado.enclosures().first?["state"] as? String == "done")
    }

    @Test("A finished download whose name another file took meanwhile is numbered as download_name numbers names")
    func numberedAsTheTemplateSays() throws {
        // No extension in the template: the title's own dot is no extension to put the number before.
        let (balado, body, article) = try Self.oneEpisode(10, title: "Version 1.5", extraConfig: "download_name = \"%f/%t\"\n")
        // The run ends with the whole file under its partial name (the store refuses done)…
        try Self.sql(Self.refuseDone, in: balado)
        #expect(try balado.run(["download", String(article)]).status == 1)
        #expect(balado.files() == ["Balado/Version 1.5.part"])
        // …a file of the user's takes the final name, and the next run finishes beside it.
        try balado.home.write("à moi", to: balado.downloads.appendingPathComponent("Balado/Version 1.5"))
        try Self.sql("DROP TRIGGER refuse_done", in: balado)
        let finished = try balado.run(["download", String(article)])
        #expect(finished.status == 0, "\(finished.stdout)\(finished.stderr)")
        #expect(balado.files() == ["Balado/Version 1.5", "Balado/Version 1.5 (2)"])
        #expect(FileManager.default.contents(atPath: balado.downloads.appendingPathComponent("Balado/Version 1.5 (2)").path) == body)
    }

    @Test("A download stopped by a full disk keeps what it wrote, and the next run resumes from there")
    func diskFull() throws {
        let (balado, body, article) = try Self.oneEpisode(9)

        // A file size limit makes the disk refuse past 150 000 bytes (EFBIG, as ENOSPC would: a write refused).
        let limited = Process()
        limited.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        limited.arguments = ["python3", "-c", """
            import os, resource, signal, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (150000, 150000))
            os.execv(sys.argv[1], sys.argv[1:])
            """, QnReadProcess.binaryURL.path, "download", String(article)]
        limited.environment = balado.home.environment.merging(["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]) { _, new in new }
        let output = Pipe()
        limited.standardOutput = output
        limited.standardError = FileHandle.nullDevice
        try limited.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        limited.waitUntilExit()
        #expect(limited.terminationStatus == 1, "\(printed)")
        #expect(printed.contains("File too large"), "\(printed)")
        let partial = balado.downloads.appendingPathComponent("Balado/Épisode 9.mp3.part").path
        #expect(FileManager.default.contents(atPath: partial) == body.prefix(150_000), "what it wrote is kept")

        let resumed = try balado.run(["download", String(article)])
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(balado.ranges.values == [nil, "bytes=150000-"])
        #expect(FileManager.default.contents(atPath: balado.downloads.appendingPathComponent("Balado/Épisode 9.mp3").path) == body)
        #expect(balado.files() == ["Balado/Épisode 9.mp3"])
    }

    @Test("max_downloads bound the downloads at once; max_download_mb stops a larger one; a terminal gets a progress bar")
    func limitsAndBar() throws {
        let balado = try Balado(extraConfig: "max_downloads = 2\nmax_download_mb = 1\n")
        var items: [String] = []
        for number in 1...4 {
            balado.serveEpisode("/ep\(number).mp3", Self.episode(number, size: 300_000), hold: 0.5)
            items.append(Self.item("ep\(number)", "Épisode \(number)", date: "Wed, 02 Dec 2026 1\(number):00:00 -0500",
                                   enclosure: balado.url("/ep\(number).mp3"), length: 300_000))
        }
        balado.serveEpisode("/long.mp3", Self.episode(9, size: 1_500_000))
        items.append(Self.item("long", "Le trop long", date: "Tue, 01 Dec 2026 10:00:00 -0500", enclosure: balado.url("/long.mp3"), length: nil))
        balado.serveFeed(items)
        #expect(try balado.run(["reload"]).status == 0)
        let (status, drawn) = try runInTerminal(["download", "--all-new"], environment: balado.home.environment)
        #expect(status == 1)
        #expect(balado.server.maxInFlight == 2, "4 episodes each held half a second, 2 at once")
        #expect(drawn.contains("FAILED  \(balado.url("/long.mp3"))  the server announces 1.5 MB, over the 1.0 MB cap"), "\(drawn)")
        // The bar, redrawn in place: counts, percentage and bytes.
        #expect(drawn.contains("\r\u{1B}[K["), "\(drawn)")
        #expect(drawn.contains("] 0/5 done"), "\(drawn)")
        #expect(drawn.contains("4 downloaded, 1 failed"))
        #expect(balado.files().filter { $0.hasSuffix(".mp3") }.count == 4)
    }

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }
}

/// The Range header of every request, in order (nil for none).
final class RangeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String?] = []
    func add(_ value: String?) { lock.withLock { list.append(value) } }
    var values: [String?] { lock.withLock { list } }
}
