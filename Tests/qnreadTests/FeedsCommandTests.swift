import Foundation
import LocalHTTPServer
import Testing

/// A home of its own for one run of the binary: config, cache and system files under a temporary directory.
struct ReaderHome {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-home-\(UUID().uuidString)")

    var environment: [String: String] {
        ["HOME": root.path,
         "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
         "XDG_DATA_HOME": root.appendingPathComponent("data").path,
         "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
         "QNREAD_SYSTEM_FEEDS": systemFeeds.path,
         "QNREAD_SYSTEM_CONFIG": root.appendingPathComponent("etc/config.toml").path]
    }

    var userFeeds: URL { root.appendingPathComponent("config/qnread/feeds") }
    var systemFeeds: URL { root.appendingPathComponent("etc/feeds") }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func run(_ arguments: [String], extra: [String: String] = [:]) throws -> CommandResult {
        try QnReadProcess.run(arguments, environment: environment.merging(extra) { _, new in new })
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("qnread feeds")
struct FeedsCommandTests {
    @Test("list shows a feed's password as ***; the file and export keep it")
    func passwordHiddenInList() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let url = "http://marie:s3cret@prive.example/flux.xml"
        try home.write("\(url) privé\n", to: home.userFeeds)
        for arguments in [["feeds", "list"], ["feeds", "list", "--json"], ["feeds", "remove", "http://marie:s3cret@autre.example/"]] {
            let result = try home.run(arguments)
            #expect(!result.stdout.contains("s3cret") && !result.stderr.contains("s3cret"), "\(arguments): \(result)")
        }
        #expect(try home.run(["feeds", "list"]).stdout.contains("http://marie:***@prive.example/flux.xml"))
        #expect(try home.run(["feeds", "export"]).stdout.contains(url))
        #expect(try home.read(home.userFeeds).contains(url))
    }

    @Test("add, remove and list edit the reader's file in place, keeping its comments")
    func editInPlace() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write("# Mes flux à moi\nhttps://a.example/feed tech # le premier\n\n# la suite\n", to: home.userFeeds)
        let add = try home.run(["feeds", "add", "https://b.example/feed", "--tag", "Québec", "--tag", "logiciel libre",
                                "--title", "B « bis »", "--no-check"])
        #expect(add.status == 0, "\(add.stderr)")
        let remove = try home.run(["feeds", "remove", "https://a.example/feed"])
        #expect(remove.status == 0)
        #expect(try home.read(home.userFeeds) == "# Mes flux à moi\n\n# la suite\nhttps://b.example/feed Québec \"logiciel libre\" \"~B « bis »\"\n")
        let list = try home.run(["feeds", "list"])
        #expect(list.stdout == "user     https://b.example/feed  “B « bis »”  [Québec, logiciel libre]\n")
    }

    @Test("The first add starts from the built-in list instead of dropping it")
    func firstAdd() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let before = try home.run(["feeds", "list"])
        #expect(before.stdout.hasPrefix("built-in qnread:demo"))
        _ = try home.run(["feeds", "add", "/srv/flux/local.xml"])
        let after = try home.run(["feeds", "list", "--json"])
        let feeds = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        #expect(feeds.first?["url"] as? String == "qnread:demo")
        #expect(feeds.last?["url"] as? String == "/srv/flux/local.xml")
        #expect(feeds.allSatisfy { $0["origin"] as? String == "user" })
    }

    @Test("Removing a system feed hides it for this reader only; --system edits the system list")
    func systemLayer() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write("# Liste commune\nhttps://commun.example/feed Québec\n", to: home.systemFeeds)
        let hide = try home.run(["feeds", "remove", "https://commun.example/feed"])
        #expect(hide.status == 0)
        #expect(try home.read(home.userFeeds).hasSuffix("!https://commun.example/feed\n"))
        #expect(try home.run(["feeds", "list"]).stdout == "")
        #expect(try home.read(home.systemFeeds) == "# Liste commune\nhttps://commun.example/feed Québec\n")

        let add = try home.run(["feeds", "add", "--system", "https://autre.example/feed", "--no-check"])
        #expect(add.status == 0)
        #expect(try home.read(home.systemFeeds) == "# Liste commune\nhttps://commun.example/feed Québec\nhttps://autre.example/feed\n")
        #expect(try home.run(["feeds", "list"]).stdout == "system   https://autre.example/feed\n")
    }

    @Test("Bad lines are reported with file and line, and the rest still lists")
    func badLines() throws {
        let home = ReaderHome()
        defer { home.remove() }
        try home.write("https://ok.example/feed\nhtp://x\n", to: home.userFeeds)
        let list = try home.run(["feeds", "list"])
        #expect(list.status == 0)
        #expect(list.stderr == "qnread: \(home.userFeeds.path):2: “htp://x” is not a URL (qnread reads http, https and file URLs)\n")
        #expect(list.stdout == "user     https://ok.example/feed\n")
        #expect(try home.run(["feeds", "remove", "https://absent.example/"]).status != 0)
    }

    @Test("add finds the feed a web page advertises")
    func autodiscovery() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { request in
            request.path == "/"
                ? HTTPReply(headers: [("Content-Type", "text/html")], text: """
                    <!DOCTYPE html><html><head><title>Québec numérique</title>
                    <link rel="alternate" type="application/rss+xml" title="Québec numérique » Flux" href="/feed/">
                    </head><body></body></html>
                    """)
                : HTTPReply(headers: [("Content-Type", "application/rss+xml")], text: "<rss version=\"2.0\"><channel/></rss>")
        }
        let add = try home.run(["feeds", "add", server.url("/").absoluteString, "--tag", "Québec"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("advertises \(server.url("/feed/").absoluteString)"))
        #expect(try home.read(home.userFeeds).hasSuffix("\(server.url("/feed/").absoluteString) Québec\n"))
    }

    @Test("add lists the feeds of a page that advertises several, when it cannot ask")
    func severalFeeds() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in
            HTTPReply(headers: [("Content-Type", "text/html")], text: """
                <html><head>
                <link rel="alternate" type="application/rss+xml" href="/rss.xml">
                <link rel="alternate" type="application/atom+xml" href="/atom.xml">
                </head></html>
                """)
        }
        let add = try home.run(["feeds", "add", server.url("/").absoluteString])
        #expect(add.status != 0)
        #expect(add.stderr.contains("advertises 2 feeds"))
        #expect(add.stderr.contains(server.url("/atom.xml").absoluteString))
        #expect(!FileManager.default.fileExists(atPath: home.userFeeds.path))
    }

    @Test("On a terminal, add asks which of a page's feeds to add")
    func choosesOnATerminal() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in
            HTTPReply(headers: [("Content-Type", "text/html")], text: """
                <html><head>
                <link rel="alternate" type="application/rss+xml" title="Articles" href="/rss.xml">
                <link rel="alternate" type="application/atom+xml" title="Commentaires" href="/commentaires.xml">
                </head></html>
                """)
        }
        let (status, screen) = try runInTerminal(["feeds", "add", server.url("/").absoluteString], environment: home.environment,
                                                 input: "2\n")
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("2. \(server.url("/commentaires.xml"))  “Commentaires”"))
        #expect(screen.contains("Which one? [1]"))
        #expect(try home.read(home.userFeeds).hasSuffix(server.url("/commentaires.xml").absoluteString + "\n"))
    }

    @Test("add follows a permanent redirect to the feed's new address, and refuses a 404")
    func redirectAnd404() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/ancien.xml": .redirect(301, to: "/nouveau.xml")
            case "/nouveau.xml": HTTPReply(text: "<rss version=\"2.0\"><channel/></rss>")
            default: HTTPReply(status: 404)
            }
        }
        #expect(try home.run(["feeds", "add", server.url("/ancien.xml").absoluteString]).status == 0)
        #expect(try home.read(home.userFeeds).hasSuffix(server.url("/nouveau.xml").absoluteString + "\n"))
        let missing = try home.run(["feeds", "add", server.url("/absent.xml").absoluteString])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("HTTP 404"))
    }

    // libcurl reads http_proxy itself; this checks that qnread leaves it that way. The test server plays the proxy:
    // a request through a proxy carries the absolute URL in its request line.
    @Test("Fetches go through the proxy named by http_proxy")
    func proxyFromEnvironment() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let proxy = try LocalHTTPServer { request in
            HTTPReply(headers: [("Content-Type", "application/rss+xml")], text: "<rss version=\"2.0\"><channel/></rss>")
        }
        let add = try home.run(["feeds", "add", "http://flux.exemple.invalid/feed.xml"],
                               extra: ["http_proxy": "http://127.0.0.1:\(proxy.port)"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(proxy.requests.first?.target == "http://flux.exemple.invalid/feed.xml")
        #expect(add.stderr.isEmpty)
    }

    @Test("no_proxy sends matching hosts straight to the server")
    func noProxy() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in HTTPReply(text: "<rss version=\"2.0\"><channel><title>Direct</title></channel></rss>") }
        let add = try home.run(["feeds", "add", server.url("/feed.xml").absoluteString],
                               extra: ["http_proxy": "http://127.0.0.1:9", "no_proxy": "127.0.0.1,localhost"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(server.requests.first?.target == "/feed.xml")
    }
}

@Suite("qnread feeds add checks what it adds")
struct FeedsAddCheckTests {
    @Test("A URL that answers something that is not a feed is refused")
    func notAFeed() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in HTTPReply(headers: [("Content-Type", "application/json")], text: "{\"bonjour\": 1}") }
        let add = try home.run(["feeds", "add", server.url("/api").absoluteString])
        #expect(add.status != 0)
        #expect(add.stderr.contains("not a feed"))
        #expect(add.stderr.contains("--no-check"))
    }

    // Misconfigured servers often send RSS as text/html: the bytes decide, not the header.
    @Test("A feed served as text/html is still a feed, and its title is shown")
    func feedAsHTML() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { _ in
            HTTPReply(headers: [("Content-Type", "text/html; charset=utf-8")], text: frenchFeed(title: "Québec numérique", items: 0..<3))
        }
        let add = try home.run(["feeds", "add", server.url("/feed").absoluteString])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("« Québec numérique », rss2.0, 3 items"))
    }
}
