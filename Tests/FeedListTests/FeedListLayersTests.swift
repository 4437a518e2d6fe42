import Foundation
import Localization
import Testing
@testable import FeedList

@Suite("Layers of feeds lists")
struct FeedListLayersTests {
    /// A fresh directory with the system and user files a test writes.
    struct Home {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-layers-\(UUID().uuidString)")
        var locations: FeedListLocations {
            FeedListLocations(environment: ["HOME": root.path,
                                            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
                                            "QNREAD_SYSTEM_FEEDS": root.appendingPathComponent("etc/feeds").path,
                                            "QNREAD_SYSTEM_CONFIG": root.appendingPathComponent("etc/config.toml").path,
                                            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path])
        }

        func write(_ text: String, to url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("Environment overrides and XDG dirs decide where the layers live")
    func locations() {
        let home = Home()
        let locations = home.locations
        #expect(locations.systemFeeds.path == home.root.path + "/etc/feeds")
        #expect(locations.userFeeds.path == home.root.path + "/config/qnread/feeds")
        #expect(locations.remoteCache.path == home.root.path + "/cache/qnread/system-feeds")
        let defaults = FeedListLocations(environment: ["HOME": "/home/lecteur", "XDG_CACHE_HOME": "relatif/ignoré"])
        #expect(defaults.systemFeeds.path == "/etc/qnread/feeds")
        #expect(defaults.userFeeds.path == "/home/lecteur/.config/qnread/feeds")
        #expect(defaults.systemConfig.path == "/etc/qnread/config.toml")
        #expect(defaults.remoteCache.path == "/home/lecteur/.cache/qnread/system-feeds")
    }

    @Test("With no list anywhere, the built-in default applies, with the demo feed first")
    func builtInDefault() {
        let home = Home()
        let layers = FeedListLayers.load(home.locations, systemConfig: SystemConfig())
        #expect(layers.usesBuiltInDefaults)
        #expect(layers.feeds.first?.url == DemoFeed.url)
        #expect(layers.feeds.count == DefaultFeeds.entries.count)
        #expect(layers.feeds.allSatisfy { $0.origin == .builtIn })
        // The default list written as a file reads back as the same list.
        #expect(FeedListFile(name: "feeds", text: DefaultFeeds.fileText).entries == DefaultFeeds.entries)
        #expect(FeedListFile(name: "feeds", text: DefaultFeeds.fileText).problems.isEmpty)
    }

    @Test("The reader's list adds feeds, retitles inherited ones and hides system feeds with !URL")
    func userOverSystem() throws {
        let home = Home()
        defer { home.remove() }
        try home.write("""
            # Liste de l’administrateur
            https://quebecnumerique.com/feed/ Québec
            https://webaquebec.org/feed/ Québec "~Web à Québec"
            https://lecamp.ca/feed/ startups
            """, to: home.locations.systemFeeds)
        try home.write("""
            !https://lecamp.ca/feed/
            https://webaquebec.org/feed/ événements "~WAQ"
            https://mon-blogue.example/feed perso
            """, to: home.locations.userFeeds)
        let layers = FeedListLayers.load(home.locations, systemConfig: SystemConfig())
        #expect(!layers.usesBuiltInDefaults)
        #expect(layers.problems.isEmpty)
        #expect(layers.feeds == [
            SubscribedFeed(url: "https://quebecnumerique.com/feed/", tags: ["Québec"], origin: .system),
            SubscribedFeed(url: "https://webaquebec.org/feed/", title: "WAQ", tags: ["Québec", "événements"], origin: .system),
            SubscribedFeed(url: "https://mon-blogue.example/feed", tags: ["perso"], origin: .user),
        ])
    }

    @Test("An empty reader's list is a choice: no built-in default then")
    func emptyUserList() throws {
        let home = Home()
        defer { home.remove() }
        try home.write("# rien pour l’instant\n", to: home.locations.userFeeds)
        let layers = FeedListLayers.load(home.locations, systemConfig: SystemConfig())
        #expect(!layers.usesBuiltInDefaults)
        #expect(layers.feeds.isEmpty)
    }

    @Test("The cached remote list joins the system list when the system config names one")
    func remoteList() throws {
        let home = Home()
        defer { home.remove() }
        try home.write("https://distant.example/feed équipe\n", to: home.locations.remoteCache)
        try home.write("https://local.example/feed\n!https://distant.example/feed\nhttps://distant.example/feed autre\n", to: home.locations.systemFeeds)
        let config = SystemConfig(feedsURL: "https://intranet.example/feeds.opml")
        let layers = FeedListLayers.load(home.locations, systemConfig: config)
        #expect(layers.systemConfig == config)
        // The system file hid the remote feed, then listed it again itself.
        #expect(layers.feeds.map(\.url) == ["https://local.example/feed", "https://distant.example/feed"])
        #expect(layers.feeds.last?.origin == .system)
    }

    @Test("A cache without feeds_url is ignored")
    func staleCache() throws {
        let home = Home()
        defer { home.remove() }
        try home.write("https://distant.example/feed\n", to: home.locations.remoteCache)
        #expect(FeedListLayers.load(home.locations, systemConfig: SystemConfig()).usesBuiltInDefaults)
    }

    @Test("Bad lines in every layer are reported with their file and line, the system config's first")
    func problems() throws {
        let home = Home()
        defer { home.remove() }
        try home.write("https://ok.example/feed\nhtp://x\n", to: home.locations.systemFeeds)
        try home.write("\n\n\"~jamais fermé\n", to: home.locations.userFeeds)
        let config = SystemConfig(problems: [
            FeedListProblem(file: home.locations.systemConfig.path, line: 1, reason: Words("feeds_url must be a string")),
        ])
        let layers = FeedListLayers.load(home.locations, systemConfig: config)
        #expect(layers.problems.map(\.description) == [
            home.locations.systemConfig.path + ":1: feeds_url must be a string",
            home.locations.systemFeeds.path + ":2: “htp://x” is not a URL (qnread reads http, https and file URLs)",
            home.locations.userFeeds.path + ":3: a quote opened here is never closed",
        ])
        // Each program says them in its language; the file and line stay as they are.
        #expect(layers.problems.dropFirst().map { $0.text(in: Catalogue(.fr)) } == [
            home.locations.systemFeeds.path + ":2: «\u{A0}htp://x\u{A0}» n’est pas une URL (qnread lit les URL http, https et file)",
            home.locations.userFeeds.path + ":3: un guillemet ouvert ici n’est jamais fermé",
        ])
        #expect(layers.feeds.map(\.url) == ["https://ok.example/feed"])
    }

    @Test("A list that is a directory is a problem naming it; the other layers still load")
    func directory() throws {
        let home = Home()
        defer { home.remove() }
        try FileManager.default.createDirectory(at: home.locations.systemFeeds, withIntermediateDirectories: true)
        try home.write("https://ok.example/feed\n", to: home.locations.userFeeds)
        let layers = FeedListLayers.load(home.locations, systemConfig: SystemConfig())
        #expect(layers.problems.map(\.description) == [home.locations.systemFeeds.path + ": is a directory"])
        #expect(layers.problems.map { $0.text(in: Catalogue(.fr)) } == [home.locations.systemFeeds.path + ": est un dossier"])
        #expect(layers.feeds.map(\.url) == ["https://ok.example/feed"])
    }

    @Test("Saving writes the file atomically and creates its directory")
    func save() throws {
        let home = Home()
        defer { home.remove() }
        var file = FeedListFile(name: "feeds", text: "# à moi\n")
        file.add(FeedListEntry(url: "https://a.example/feed", tags: ["Québec"]))
        try file.save(to: home.locations.userFeeds)
        #expect(try String(contentsOf: home.locations.userFeeds, encoding: .utf8) == "# à moi\nhttps://a.example/feed Québec\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.locations.userFeeds.deletingLastPathComponent().path)
        #expect(leftovers == ["feeds"])
    }

    @Test("With a server layer, the local query and search feeds stay beside the server's feeds")
    func serverKeepsLocalQueryAndSearchFeeds() {
        let home = Home()
        let user = FeedListFile(name: "feeds", text: """
            https://local.example/feed.xml
            "query:Non lus:unread = \\"yes\\""
            "search:Accessibilité:accessibilité web"
            """)
        let server = FeedListFile(name: "server", text: "https://serveur.example/flux.xml\n")
        let layers = FeedListLayers(locations: home.locations, user: user, server: server)
        #expect(layers.feeds.map(\.url) == ["https://serveur.example/flux.xml", "query:Non lus:unread = \"yes\"",
                                            "search:Accessibilité:accessibilité web"])
    }
}

