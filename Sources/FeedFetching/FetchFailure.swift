import Foundation

/// Why a fetch failed, as a value the store keeps and the screens show. `message` is one line a reader can act on.
public struct FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A status other than 2xx/304 (see `httpStatus`).
        case http
        /// `410 Gone`: the feed is dead and should no longer be fetched.
        case gone
        /// The whole transfer outlasted the total timeout, or no connection came in time.
        case timeout
        /// Under the low-speed limit for its whole window: a server that drips, or accepted and never answered.
        case tooSlow
        /// The body passed the cap, or the headers theirs.
        case tooLarge
        case redirectLoop
        case tooManyRedirects
        /// DNS, refused connection, TLS, reset…
        case network
        /// A file that is missing or unreadable.
        case file
        case badURL
    }

    public var kind: Kind
    public var httpStatus: Int?
    public var message: String

    public init(_ kind: Kind, httpStatus: Int? = nil, message: String) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.message = message
    }

    public var description: String { message }
    public var isGone: Bool { kind == .gone }

    /// Worth another attempt: 5xx and 429. A refused connection or a bad name will not heal in seconds, and a
    /// server that used a whole time limit would use it again: retrying timeouts made one server that drips a byte
    /// a second hold a fetch slot for 181 s (three attempts of 60 s). The next reload tries again anyway.
    var isRetryable: Bool {
        kind == .http && httpStatus.map { $0 >= 500 || $0 == 429 } ?? false
    }
}
