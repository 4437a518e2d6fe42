import FilterLanguage

/// One feed line of a feeds list, in newsboat's `urls` format:
/// `URL [tag …] ["tag with spaces"] ["~Custom title"]`, where the tag `!` hides the feed from the feed list.
/// A query feed's "URL" is its whole `"query:NAME:FILTER"` (or `"search:NAME:WORDS"`), as newsboat keeps it.
public struct FeedListEntry: Hashable, Sendable {
    public var url: String
    public var tags: [String]
    /// The `"~Custom title"`, without its tilde.
    public var title: String?
    /// Tagged `!`: fetched and searchable, but not shown in the feed list (newsboat's hidden feeds).
    public var isHidden: Bool

    public init(url: String, tags: [String] = [], title: String? = nil, isHidden: Bool = false) {
        self.url = url
        self.tags = tags
        self.title = title
        self.isHidden = isHidden
    }

    /// A query or search feed: made of stored articles, never fetched.
    public var isQuery: Bool { QueryFeed.isQuery(url) }

    /// The line as written to a file: the URL and tags quoted when they need it (a quoted URL may hold a space,
    /// as in newsboat), the title last.
    public var line: String {
        var tokens = [Self.quotedIfNeeded(url)]
        tokens += tags.map(Self.quotedIfNeeded)
        if isHidden { tokens.append("!") }
        if let title { tokens.append(Self.quoted("~" + title)) }
        return tokens.joined(separator: " ")
    }

    // By Unicode scalars, as FeedListLineParser reads: a combining mark must not hide a space, quote or `#`.
    static func quotedIfNeeded(_ token: String) -> String {
        let scalars = token.unicodeScalars
        let special = scalars.isEmpty || scalars.contains { $0.properties.isWhitespace || $0 == "\"" || $0 == "\\" }
            || ["#", "~", "!"].contains(scalars.first!)
        return special ? quoted(token) : token
    }

    static func quoted(_ token: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in token.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { out.append("\\") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }
}
