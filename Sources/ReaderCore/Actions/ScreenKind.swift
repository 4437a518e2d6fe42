/// The screens a binding can belong to; also the `[keys.NAME]` sections of config.toml.
public enum ScreenKind: String, Hashable, Sendable, CaseIterable {
    case feeds, articles, article, search, help, tags

    /// What the help screen and `qnread keys` call it.
    public var title: String {
        switch self {
        case .feeds: return "Feed list"
        case .articles: return "Article list"
        case .article: return "Article"
        case .search: return "Search results"
        case .help: return "Help"
        case .tags: return "Tags"
        }
    }
}
