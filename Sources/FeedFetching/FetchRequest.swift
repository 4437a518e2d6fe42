import FeedModel
import Foundation

/// One feed to fetch: where, and what the store remembers of it.
public struct FetchRequest: Sendable, Hashable {
    /// `http(s)://…`, `file://…`, a plain absolute path, or a URL the fetcher was given embedded bytes for.
    public var url: String
    public var validators: FeedValidators

    public init(url: String, validators: FeedValidators = FeedValidators()) {
        self.url = url
        self.validators = validators
    }
}
