import FilterLanguage

/// A feed as the reader gets it, after the layers are merged.
public struct SubscribedFeed: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        /// The admin's file.
        case system
        /// The admin's remote list (`feeds_url`), from its cached copy.
        case remote
        /// The reader's own file.
        case user
        /// The sync server's subscriptions (`[sync]` in config.toml), from their cached copy.
        case server
        /// The built-in default list, used when there is no list at all.
        case builtIn = "built-in"
    }

    public var url: String
    public var title: String?
    public var tags: [String]
    public var isHidden: Bool
    public var origin: Origin

    /// A query or search feed (`query:NAME:FILTER`, `search:NAME:WORDS`): made of stored articles, never fetched.
    public var isQuery: Bool { QueryFeed.isQuery(url) }

    public init(url: String, title: String? = nil, tags: [String] = [], isHidden: Bool = false, origin: Origin) {
        self.url = url
        self.title = title
        self.tags = tags
        self.isHidden = isHidden
        self.origin = origin
    }
}
