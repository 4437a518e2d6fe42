import Foundation

// Article HTML → blocks with inline marks and numbered links. (Skeleton: the rendering issue fills this in.)
public struct ArticleDocument: Hashable, Sendable {
    /// Every distinct link, image and media URL, numbered from 1 in order of first appearance.
    public var links: [ArticleLink]

    public init(html: String, baseURL: URL?) {
        links = []
    }
}

public struct ArticleLink: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case link, image, video, audio }
    public var number: Int
    public var url: String
    public var kind: Kind

    public init(number: Int, url: String, kind: Kind) {
        self.number = number
        self.url = url
        self.kind = kind
    }
}
