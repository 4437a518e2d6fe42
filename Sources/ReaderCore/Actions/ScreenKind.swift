import Localization

/// The screens a binding can belong to; also the `[keys.NAME]` sections of config.toml.
public enum ScreenKind: String, Hashable, Sendable, CaseIterable {
    case feeds, articles, article, search, help, tags, enclosures

    /// What the help screen and `qnread keys` call it, in English: `catalogue.tr(title)` says it in another language.
    public var title: String {
        switch self {
        case .feeds: return N_("Feed list")
        case .articles: return N_("Article list")
        case .article: return N_("Article")
        case .search: return N_("Search results")
        case .help: return N_("Help")
        case .tags: return N_("Tags")
        case .enclosures: return N_("Enclosures")
        }
    }
}
