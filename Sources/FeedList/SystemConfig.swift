/// What the feeds list takes from the admin's `/etc/qnread/config.toml` (path overridable with
/// `QNREAD_SYSTEM_CONFIG`): `feeds_url`, a remote OPML list merged into the system list. A plain value: ReaderConfig
/// reads the file (`SystemConfig+TOML.swift`), so the layers and the refresher never parse TOML.
public struct SystemConfig: Hashable, Sendable {
    /// `feeds_url = "https://…/feeds.opml"`: fetched on reload, cached, used offline from the cache.
    public var feedsURL: String?
    /// What was wrong in the file, with its file and line; reported with the layers' own problems.
    public var problems: [FeedListProblem]

    public init(feedsURL: String? = nil, problems: [FeedListProblem] = []) {
        self.feedsURL = feedsURL
        self.problems = problems
    }
}
