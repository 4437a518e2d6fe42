/// One `<outline>`: a feed when it has an `xmlUrl`, otherwise a folder of the outlines inside it.
/// Strings are plain text, cleaned of control and bidi-override characters; empty ones are nil.
public struct OPMLOutline: Hashable, Sendable {
    public var text: String?
    public var title: String?
    /// As written: "rss", "atom", "link", "include"…; folders usually have none.
    public var type: String?
    public var xmlURL: String?
    public var htmlURL: String?
    /// The `category` attribute split at commas, each trimmed, as written ("/Tech/Québec" keeps its slashes).
    public var categories: [String]
    public var children: [OPMLOutline]

    public init(text: String? = nil, title: String? = nil, type: String? = nil, xmlURL: String? = nil,
                htmlURL: String? = nil, categories: [String] = [], children: [OPMLOutline] = []) {
        self.text = text
        self.title = title
        self.type = type
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.categories = categories
        self.children = children
    }

    /// What a reader shows: `text` (required by OPML 2.0), else `title`.
    public var name: String? { text ?? title }
}
