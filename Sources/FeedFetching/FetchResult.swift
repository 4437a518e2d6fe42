import FeedModel
import Foundation

/// What one fetch came to. Failures are values too: the store records them and leaves the articles alone.
public struct FetchResult: Sendable {
    public enum Outcome: Sendable {
        /// New bytes to parse.
        case body(FetchedBody)
        /// Nothing to parse: a 304, or the same bytes as last time. Validators may still have been refreshed.
        case notModified(FeedValidators, reason: NotModifiedReason)
        case failed(FetchFailure)
    }

    public enum NotModifiedReason: String, Sendable {
        case http304 = "304 Not Modified"
        case sameBody = "unchanged body"
        case sameFile = "unchanged file"
    }

    public var request: FetchRequest
    public var outcome: Outcome
    /// Set when every redirect on the way was permanent (301/308): the feed now lives here.
    public var movedTo: String?
    /// The final HTTP status, when there was an HTTP response.
    public var httpStatus: Int?
    /// Wall time, retries included.
    public var duration: TimeInterval
    public var attempts: Int

    public init(request: FetchRequest, outcome: Outcome, movedTo: String? = nil, httpStatus: Int? = nil,
                duration: TimeInterval = 0, attempts: Int = 1) {
        self.request = request
        self.outcome = outcome
        self.movedTo = movedTo
        self.httpStatus = httpStatus
        self.duration = duration
        self.attempts = attempts
    }

    public var failure: FetchFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}

/// A body worth parsing, with what the parser and the store need to know about it.
public struct FetchedBody: Sendable {
    public var data: Data
    /// The URL the bytes finally came from (after redirects), for resolving relative links.
    public var finalURL: URL
    /// The media type without parameters, lowercased ("application/rss+xml"), when the server named one.
    public var mediaType: String?
    /// The `charset` parameter of `Content-Type`, when given.
    public var charset: String?
    /// To store once the body has been parsed and applied.
    public var validators: FeedValidators

    public init(data: Data, finalURL: URL, mediaType: String? = nil, charset: String? = nil,
                validators: FeedValidators) {
        self.data = data
        self.finalURL = finalURL
        self.mediaType = mediaType
        self.charset = charset
        self.validators = validators
    }
}
