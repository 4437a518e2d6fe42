import FeedFetching
import FeedList
import FeedRefresh
import Foundation
import LocalHTTPServer
import Testing

@Suite("The admin's remote feeds list")
struct RemoteFeedListTests {
    static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Liste du Cégep</title></head><body>
          <outline text="Québec">
            <outline text="Québec numérique" type="rss" xmlUrl="https://quebecnumerique.com/feed/"/>
          </outline>
          <outline text="Le Camp" type="rss" xmlUrl="https://lecamp.ca/feed/" category="startups"/>
          <outline text="Mots de passe" type="rss" xmlUrl="file:///etc/shadow"/>
          <outline text="Chemin" type="rss" xmlUrl="/etc/passwd"/>
        </body></opml>
        """

    struct Setup {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-remote-\(UUID().uuidString)")
        var locations: FeedListLocations {
            FeedListLocations(systemFeeds: root.appendingPathComponent("etc/feeds"),
                              systemConfig: root.appendingPathComponent("etc/config.toml"),
                              userFeeds: root.appendingPathComponent("config/feeds"),
                              remoteCache: root.appendingPathComponent("cache/system-feeds"))
        }

        /// The layers as a reload reads them when the system config's `feeds_url` names `list`.
        func layers(listAt list: URL) -> FeedListLayers {
            FeedListLayers.load(locations, systemConfig: SystemConfig(feedsURL: list.absoluteString))
        }
    }

    let fetcher = FeedFetcher(settings: FetchSettings(connectTimeout: 2, totalTimeout: 5, retries: 0))

    // The two local paths in the list must not reach the cache: a remote list names web feeds only.
    @Test("The list is fetched, cached in feeds-list format, and joins the system list")
    func fetchedAndCached() async throws {
        let setup = Setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let server = try LocalHTTPServer { _ in HTTPReply(headers: [("Content-Type", "text/x-opml")], text: Self.opml) }
        let list = server.url("/flux.opml")
        let warning = await RemoteFeedList.refresh(setup.layers(listAt: list), fetcher: fetcher)
        #expect(warning == nil)
        let layers = setup.layers(listAt: list)
        #expect(layers.feeds == [
            SubscribedFeed(url: "https://quebecnumerique.com/feed/", title: "Québec numérique", tags: ["Québec"], origin: .remote),
            SubscribedFeed(url: "https://lecamp.ca/feed/", title: "Le Camp", tags: ["startups"], origin: .remote),
        ])
    }

    @Test("When the network is down the cached copy is kept and used, with a warning")
    func offline() async throws {
        let setup = Setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let server = try LocalHTTPServer { _ in HTTPReply(text: Self.opml) }
        let list = server.url("/flux.opml")
        _ = await RemoteFeedList.refresh(setup.layers(listAt: list), fetcher: fetcher)
        server.stop()
        let warning = await RemoteFeedList.refresh(setup.layers(listAt: list), fetcher: fetcher)
        #expect(warning == "\(list): connection refused; using the cached copy")
        #expect(setup.layers(listAt: list).feeds.count == 2)
    }

    @Test("An answer that is not OPML leaves the cache alone")
    func notOPML() async throws {
        let setup = Setup()
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let server = try LocalHTTPServer { _ in HTTPReply(text: "<html><body>Maintenance</body></html>") }
        let list = server.url("/flux.opml")
        let warning = await RemoteFeedList.refresh(setup.layers(listAt: list), fetcher: fetcher)
        #expect(warning?.hasSuffix("no cached copy yet") == true)
        #expect(!FileManager.default.fileExists(atPath: setup.locations.remoteCache.path))
    }
}
