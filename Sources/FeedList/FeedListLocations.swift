import Foundation

/// Where the layers of the feeds list live (DESIGN.md §4), after the environment overrides.
public struct FeedListLocations: Hashable, Sendable {
    /// The admin's list: `QNREAD_SYSTEM_FEEDS`, else `/etc/qnread/feeds`.
    public var systemFeeds: URL
    /// The admin's config: `QNREAD_SYSTEM_CONFIG`, else `/etc/qnread/config.toml`. Not read by the layers: its
    /// reader hands them a `SystemConfig`.
    public var systemConfig: URL
    /// The reader's own list: `$XDG_CONFIG_HOME/qnread/feeds`.
    public var userFeeds: URL
    /// The last copy of the remote list (`feeds_url`), in feeds-list format:
    /// `$XDG_CACHE_HOME/qnread/system-feeds`.
    public var remoteCache: URL
    /// The sync server's subscriptions as last seen, in feeds-list format: `$XDG_CACHE_HOME/qnread/server-feeds`
    /// (beside the remote list's copy by default).
    public var serverCache: URL

    public init(systemFeeds: URL, systemConfig: URL, userFeeds: URL, remoteCache: URL, serverCache: URL? = nil) {
        self.systemFeeds = systemFeeds
        self.systemConfig = systemConfig
        self.userFeeds = userFeeds
        self.remoteCache = remoteCache
        self.serverCache = serverCache ?? remoteCache.deletingLastPathComponent().appendingPathComponent("server-feeds")
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func override(_ variable: String, _ fallback: String) -> URL {
            URL(fileURLWithPath: environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback)
        }
        self.init(systemFeeds: override("QNREAD_SYSTEM_FEEDS", "/etc/qnread/feeds"),
                  systemConfig: override("QNREAD_SYSTEM_CONFIG", "/etc/qnread/config.toml"),
                  userFeeds: XDGBaseDirectory.config.qnreadDirectory(environment: environment).appendingPathComponent("feeds"),
                  remoteCache: XDGBaseDirectory.cache.qnreadDirectory(environment: environment)
                      .appendingPathComponent("system-feeds"))
    }
}
