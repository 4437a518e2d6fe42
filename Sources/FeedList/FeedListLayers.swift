import Foundation

/// The feeds list in layers: the remote list, then the admin's file, then the reader's file. A layer may leave out
/// a feed of the layers before it with `!URL`; the reader's file may also retag or retitle an inherited feed.
/// With no list at all, the built-in default applies (the Québec community feeds and the bundled demo).
///
/// With a sync server (`[sync]`), the server's subscriptions are the list, as newsboat's `urls-source` makes them:
/// the server layer (its cached copy) replaces the web feeds of the other layers, which stay in their files for
/// `qnread sync --subscribe-local`; their `query:` feeds stay, since they read the store. Until the first sync
/// has written the server layer, the local layers apply as before.
public struct FeedListLayers: Hashable, Sendable {
    public var locations: FeedListLocations
    public var systemConfig: SystemConfig
    public var remote: FeedListFile?
    public var system: FeedListFile?
    public var user: FeedListFile?
    /// The sync server's subscriptions, when a server is configured and has been synced once.
    public var server: FeedListFile?
    /// Every bad line of every layer, as `FILE:LINE: reason`.
    public var problems: [FeedListProblem]

    public init(locations: FeedListLocations, systemConfig: SystemConfig = SystemConfig(), remote: FeedListFile? = nil,
                system: FeedListFile? = nil, user: FeedListFile? = nil, server: FeedListFile? = nil,
                problems: [FeedListProblem] = []) {
        self.locations = locations
        self.systemConfig = systemConfig
        self.remote = remote
        self.system = system
        self.user = user
        self.server = server
        self.problems = problems
    }

    /// Reads every layer from disk. `systemConfig` says whether the remote list's cached copy is a layer; its
    /// problems come first. `syncsWithServer` (config.toml has `[sync]`) makes the server's cached list a layer.
    /// A layer that cannot be read is a problem, never a crash.
    public static func load(_ locations: FeedListLocations, systemConfig: SystemConfig,
                            syncsWithServer: Bool = false) -> FeedListLayers {
        var problems = systemConfig.problems
        func read(_ url: URL) -> FeedListFile? {
            do {
                let file = try FeedListFile.load(url)
                problems += file?.problems ?? []
                return file
            } catch let problem as FeedListProblem {
                problems.append(problem)
            } catch {
                problems.append(FeedListProblem(file: url.path, line: 0, text: "\(error)"))
            }
            return nil
        }
        let remote = systemConfig.feedsURL == nil ? nil : read(locations.remoteCache)
        let system = read(locations.systemFeeds)
        let user = read(locations.userFeeds)
        let server = syncsWithServer ? read(locations.serverCache) : nil
        return FeedListLayers(locations: locations, systemConfig: systemConfig, remote: remote, system: system, user: user,
                              server: server, problems: problems)
    }

    /// True when no layer exists, so the built-in default list is in use.
    public var usesBuiltInDefaults: Bool { remote == nil && system == nil && user == nil }

    /// The merged list, in order: remote, system, user; each URL once. With a server layer: the server's feeds,
    /// then the local layers' query and search feeds.
    public var feeds: [SubscribedFeed] {
        if let server {
            let local = localFeeds.filter(\.isQuery)
            return server.entries.map {
                SubscribedFeed(url: $0.url, title: $0.title, tags: $0.tags, isHidden: $0.isHidden, origin: .server)
            } + local
        }
        return localFeeds
    }

    /// The local layers merged (remote, system, user), whether or not a server replaces their web feeds: what
    /// `qnread sync --subscribe-local` offers the server.
    public var localFeeds: [SubscribedFeed] {
        if usesBuiltInDefaults {
            return DefaultFeeds.entries.map {
                SubscribedFeed(url: $0.url, title: $0.title, tags: $0.tags, isHidden: $0.isHidden, origin: .builtIn)
            }
        }
        var merged: [SubscribedFeed] = []
        for (file, origin) in [(remote, SubscribedFeed.Origin.remote), (system, .system), (user, .user)] {
            guard let file else { continue }
            let excluded = Set(file.exclusions)
            merged.removeAll { excluded.contains($0.url) }
            for entry in file.entries {
                if let index = merged.firstIndex(where: { $0.url == entry.url }) {
                    for tag in entry.tags where !merged[index].tags.contains(tag) { merged[index].tags.append(tag) }
                    if let title = entry.title { merged[index].title = title }
                    merged[index].isHidden = merged[index].isHidden || entry.isHidden
                } else {
                    merged.append(SubscribedFeed(url: entry.url, title: entry.title, tags: entry.tags,
                                                 isHidden: entry.isHidden, origin: origin))
                }
            }
        }
        return merged
    }
}
