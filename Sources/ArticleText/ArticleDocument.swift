// Article HTML → blocks with inline marks and numbered links. (Skeleton: the rendering issue fills this in.)
public struct ArticleDocument: Hashable, Sendable {
    public init() {}
}
