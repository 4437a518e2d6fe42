/// A subscription as a feeds list holds it.
public struct OPMLFeedEntry: Hashable, Sendable {
    public var url: String
    public var title: String?
    public var tags: [String]

    public init(url: String, title: String? = nil, tags: [String] = []) {
        self.url = url
        self.title = title
        self.tags = tags
    }
}
