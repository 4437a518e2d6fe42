import Foundation
import LocalHTTPServer
import Testing

@Suite("qnread reload")
struct ReloadCommandTests {
    @Test("A cold reload stores every feed, a failure is reported and makes the exit status non-zero")
    func coldReload() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(headers: [("ETag", "\"a1\"")], text: frenchFeed(title: "Flux A", items: 0..<3)))
        site.set("/b.xml", HTTPReply(headers: [("Content-Encoding", "gzip")], body: .bytes(try gzip(frenchFeed(title: "Flux B", items: 10..<12)))))
        try home.write("""
            \(server.url("/a.xml")) Québec
            \(server.url("/b.xml"))
            \(server.url("/absent.xml"))
            """, to: home.userFeeds)
        let reload = try home.run(["reload"])
        #expect(reload.status == 1)
        #expect(reload.stdout.contains("ok      \(server.url("/a.xml"))  3 new"))
        #expect(reload.stdout.contains("ok      \(server.url("/b.xml"))  2 new"))
        #expect(reload.stdout.contains("FAILED  \(server.url("/absent.xml"))  HTTP 404 Not Found"))
        #expect(reload.stdout.hasSuffix("5 new articles, 1 failed\n"))

        // Warm: the ETag comes back, the server answers 304, nothing is parsed.
        site.set("/absent.xml", HTTPReply(text: frenchFeed(title: "Flux C", items: 20..<21)))
        let warm = try home.run(["reload"])
        #expect(warm.status == 0, "\(warm.stdout)\(warm.stderr)")
        #expect(server.requests.last { $0.path == "/a.xml" }?.header("If-None-Match") == "\"a1\"")
        #expect(warm.stdout.contains("same    \(server.url("/b.xml"))  unchanged body"))
        #expect(warm.stdout.hasSuffix("1 new article\n"))
    }

    // Retention was applied only by the reader's own reload: a cron `qnread reload` let the store grow forever.
    @Test("config.toml's retention applies to qnread reload, with a failed feed beside; --keep wins over it")
    func retention() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux A", items: 0..<5)))
        try home.write("\(server.url("/a.xml"))\n\(server.url("/absent.xml"))\n", to: home.userFeeds)
        try home.write("retention_per_feed = 3\n", to: home.root.appendingPathComponent("config/qnread/config.toml"))
        func stored() throws -> [String] {
            let list = try JSONSerialization.jsonObject(with: Data(try home.run(["articles", "--json"]).stdout.utf8))
            return (list as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }
        #expect(try home.run(["reload"]).status == 1, "the absent feed fails")
        #expect(try stored() == (2...4).reversed().map { "Article \($0) : « Québec » en fête" }, "the 3 newest of 5")
        let keep = try home.run(["reload", "--keep", "1", "\(server.url("/a.xml"))"])
        #expect(keep.status == 0, "\(keep.stderr)")
        #expect(try stored() == ["Article 4 : « Québec » en fête"])
    }

    @Test("A failed fetch never touches the stored articles")
    func failureKeepsArticles() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux A", items: 0..<4)))
        try home.write("\(server.url("/a.xml"))\n", to: home.userFeeds)
        #expect(try home.run(["reload"]).status == 0)
        for broken in [HTTPReply(status: 500), HTTPReply(text: "<html><body>maintenance</body></html>"),
                       HTTPReply(text: "<rss version=\"2.0\"><channel><title>vide</title></channel></rss>")] {
            site.set("/a.xml", broken)
            _ = try home.run(["reload"])
            let articles = try home.run(["articles", "--json"])
            let list = try JSONSerialization.jsonObject(with: Data(articles.stdout.utf8)) as? [Any]
            #expect(list?.count == 4)
        }
    }

    @Test("410 Gone marks the feed dead: reported once, then no longer fetched, its articles kept")
    func gone() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux A", items: 0..<2)))
        try home.write("\(server.url("/a.xml"))\n", to: home.userFeeds)
        #expect(try home.run(["reload"]).status == 0)
        site.set("/a.xml", HTTPReply(status: 410))
        let first = try home.run(["reload"])
        #expect(first.status == 1)
        #expect(first.stdout.contains("FAILED  \(server.url("/a.xml"))  HTTP 410 Gone"))
        let second = try home.run(["reload"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("gone    \(server.url("/a.xml"))"))
        #expect(server.requests.count == 2)
        let articles = try home.run(["articles", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(articles.stdout.utf8)) as? [Any])?.count == 2)
    }

    @Test("A permanent redirect rewrites the feeds list and the store's URL")
    func permanentMove() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/ancien.xml", .redirect(301, to: "/nouveau.xml"))
        site.set("/nouveau.xml", HTTPReply(text: frenchFeed(title: "Flux déménagé", items: 0..<2)))
        try home.write("# à moi\n\(server.url("/ancien.xml")) Québec \"~Mon flux\"\n", to: home.userFeeds)
        let reload = try home.run(["reload"])
        #expect(reload.status == 0, "\(reload.stdout)\(reload.stderr)")
        #expect(try home.read(home.userFeeds) == "# à moi\n\(server.url("/nouveau.xml")) Québec \"~Mon flux\"\n")
        let again = try home.run(["reload"])
        #expect(again.status == 0)
        #expect(server.requests.filter { $0.path == "/ancien.xml" }.count == 1)
    }

    // A cron reload has no reader to pass the limits on: it reads config.toml itself.
    @Test("config.toml's low-speed limit holds for a reload from the command line, and an option wins over it")
    func lowSpeedFromConfig() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in HTTPReply(body: .trickle(chunk: Data("<".utf8), count: 600, interval: 0.5)) }
        defer { server.stop() }
        try home.write("\(server.url("/goutte.xml"))\n", to: home.userFeeds)
        try home.write("low_speed_bytes_per_second = 500\nlow_speed_seconds = 1\n",
                       to: home.root.appendingPathComponent("config/qnread/config.toml"))
        let reload = try home.run(["reload"])
        #expect(reload.stdout.contains("FAILED  \(server.url("/goutte.xml"))  slower than 500 bytes/s for 1 s"), "\(reload.stdout)")
        let option = try home.run(["reload", "--low-speed-limit", "100"])
        #expect(option.stdout.contains("FAILED  \(server.url("/goutte.xml"))  slower than 100 bytes/s for 1 s"), "\(option.stdout)")
    }

    @Test("A password in a feed's URL reaches its server and is never printed")
    func credentials() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { request in
            request.header("Authorization") == "Basic " + Data("moi:secret".utf8).base64EncodedString()
                ? HTTPReply(text: frenchFeed(title: "Privé", items: 0..<2)) : HTTPReply(status: 401)
        }
        let good = "http://moi:secret@\(server.host):\(server.port)/prive.xml"
        let bad = "http://moi:faux@\(server.host):\(server.port)/autre.xml"
        try home.write("\(good)\n\(bad)\n", to: home.userFeeds)
        let reload = try home.run(["reload"])
        #expect(reload.stdout.contains("ok      http://moi:***@\(server.host):\(server.port)/prive.xml  2 new"), "\(reload.stdout)")
        #expect(reload.stdout.contains("FAILED  http://moi:***@\(server.host):\(server.port)/autre.xml  HTTP 401 Unauthorized"))
        #expect(!reload.stdout.contains("secret") && !reload.stderr.contains("secret"))
        #expect(!reload.stdout.contains("faux") && !reload.stderr.contains("faux"))
    }

    @Test("The admin's remote list is fetched on reload, and its cached copy is used when it cannot be")
    func remoteList() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux de l’admin", items: 0..<2)))
        site.set("/liste.opml", HTTPReply(text: """
            <opml version="2.0"><body><outline text="Flux de l’admin" xmlUrl="\(server.url("/a.xml"))" category="Québec"/></body></opml>
            """))
        try home.write("feeds_url = \"\(server.url("/liste.opml"))\"\n", to: home.root.appendingPathComponent("etc/config.toml"))
        try home.write("", to: home.userFeeds)
        let first = try home.run(["reload"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("ok      \(server.url("/a.xml"))  2 new"))
        site.set("/liste.opml", HTTPReply(status: 503))
        let second = try home.run(["reload", "--connect-timeout", "2"])
        #expect(second.stderr.contains("\(server.url("/liste.opml")): HTTP 503"))
        #expect(second.stderr.contains("using the cached copy"))
        #expect(second.stdout.contains("\(server.url("/a.xml"))"))
    }

    @Test("Named feeds only, and a URL that is not listed is an error")
    func namedFeeds() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "A", items: 0..<1)))
        site.set("/b.xml", HTTPReply(text: frenchFeed(title: "B", items: 0..<1)))
        try home.write("\(server.url("/a.xml"))\n\(server.url("/b.xml"))\n", to: home.userFeeds)
        let one = try home.run(["reload", server.url("/b.xml").absoluteString])
        #expect(one.status == 0)
        #expect(server.requests.map(\.path) == ["/b.xml"])
        let unknown = try home.run(["reload", "https://inconnu.example/feed"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("not in the feeds list"))
    }

    @Test("With no list and no network, the bundled demo feed is stored")
    func demoOffline() throws {
        let home = ReaderHome()
        defer { home.remove() }
        // The other default feeds are real hosts; with no network they fail, the demo still loads.
        let reload = try home.run(["reload", "qnread:demo"])
        #expect(reload.status == 0, "\(reload.stdout)\(reload.stderr)")
        #expect(reload.stdout.contains("ok      qnread:demo  5 new"))
        let search = try home.run(["search", "quebec", "--json"])
        #expect(search.stdout.contains("Québec"))
    }

    // `script` gives the binary a pseudo-terminal, as a person running it by hand would have.
    @Test("On a terminal a progress bar is redrawn in place and failures are printed above it")
    func progressBar() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "A", items: 0..<2)))
        try home.write("\(server.url("/a.xml"))\n\(server.url("/absent.xml"))\n", to: home.userFeeds)
        let (status, output) = try runInTerminal(["reload"], environment: home.environment)
        #expect(status == 1)
        // Which feed ends first varies; either way the half-full bar is drawn.
        #expect(output.contains("[####################--------------------] 1/2 feeds"))
        #expect(output.contains("\r\u{1B}[KFAILED  \(server.url("/absent.xml"))  HTTP 404 Not Found\r\n"))
        #expect(output.contains("[########################################] 2/2 feeds · 2 new · 1 failed"))
        #expect(output.contains("\r\u{1B}[Kreloaded 2 feeds in"))
    }

    @Test("Two reloads at once on one database both succeed")
    func concurrentReloads() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { request in
            usleep(50_000)
            return HTTPReply(text: frenchFeed(title: request.path, items: 0..<20))
        }
        try home.write((0..<6).map { "\(server.url("/f\($0).xml"))" }.joined(separator: "\n") + "\n", to: home.userFeeds)
        let statuses = StatusBox()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? home.run(["reload"])
            statuses.set(index, result?.status ?? -1, (result?.stdout ?? "") + (result?.stderr ?? ""))
        }
        #expect(statuses.all == [0, 0], "\(statuses.errors)")
    }
}


final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int: Int32] = [:]
    private var stderrs: [String] = []
    func set(_ index: Int, _ status: Int32, _ stderr: String) {
        lock.lock(); statuses[index] = status; stderrs.append(stderr); lock.unlock()
    }
    var all: [Int32] { lock.lock(); defer { lock.unlock() }; return statuses.keys.sorted().map { statuses[$0]! } }
    var errors: [String] { lock.lock(); defer { lock.unlock() }; return stderrs }
}
