import Foundation

/// What the last successful fetch left behind, sent back so an unchanged feed costs nothing.
public struct FetchValidators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the last body, hex; catches unchanged bodies from servers without validators.
    public var bodyHash: String?

    public init(etag: String? = nil, lastModified: String? = nil, bodyHash: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.bodyHash = bodyHash
    }
}

/// One feed to fetch: where, and what the store remembers of it.
public struct FetchRequest: Sendable, Hashable {
    /// `http(s)://…`, `file://…`, a plain absolute path, or a URL the fetcher was given embedded bytes for.
    public var url: String
    public var validators: FetchValidators

    public init(url: String, validators: FetchValidators = FetchValidators()) {
        self.url = url
        self.validators = validators
    }
}
