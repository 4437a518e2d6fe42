/// What the last fetch of a feed left to make the next one cheap: the server's validators for a conditional
/// GET (a file's size and time stand in for them), and a hash of the body for servers that send none.
public struct FeedValidators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?
    /// A hash of the last body (XXH3-128, hex): the check for servers that send no ETag or Last-Modified.
    public var bodyHash: String?

    public init(etag: String? = nil, lastModified: String? = nil, bodyHash: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.bodyHash = bodyHash
    }
}
