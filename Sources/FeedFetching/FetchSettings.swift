import Foundation
import Localization

/// How fetches behave: limits, timeouts, retries and how qnread names itself. Defaults follow issues 4 and 19.
/// Every limit holds while the bytes arrive (FeedFetcher's transfer loop enforces them in libcurl's callbacks).
public struct FetchSettings: Sendable, Hashable {
    /// Fetches running at once, across all hosts.
    public var maxConcurrent: Int
    /// Fetches running at once against one host name.
    public var maxPerHost: Int
    /// How long to wait for a connection, TLS handshake included.
    public var connectTimeout: TimeInterval
    /// The whole transfer, redirects included, must end within this.
    public var totalTimeout: TimeInterval
    /// A transfer slower than this many bytes a second for `lowSpeedSeconds` is stopped (a server that accepts and
    /// never answers, or drips a byte a second). 0 turns the limit off.
    public var lowSpeedBytesPerSecond: Int
    /// Whole seconds (libcurl's unit), at least 1.
    public var lowSpeedSeconds: Int
    /// Bodies larger than this, counted after decoding gzip, deflate, br or zstd, are refused; the transfer is
    /// cut as soon as it passes the cap.
    public var maxBodyBytes: Int
    /// Every header line of one response together, status line included.
    public var maxHeaderBytes: Int
    /// Attempts after the first one, for 5xx and 429.
    public var retries: Int
    /// The first backoff; it doubles on each retry.
    public var retryDelay: TimeInterval
    /// A `Retry-After` longer than this is cut to it, so one feed cannot stall a reload.
    public var maxRetryWait: TimeInterval
    /// More redirects than this in one fetch is an error.
    public var maxRedirects: Int
    public var userAgent: String
    /// The language failures are worded in: the process's. A failure is text from then on, stored and printed as
    /// worded (as newsboat does), so the JSON of `feeds check` asks for English.
    public var catalogue: Catalogue

    public init(maxConcurrent: Int = 24, maxPerHost: Int = 2, connectTimeout: TimeInterval = 15,
                totalTimeout: TimeInterval = 60, lowSpeedBytesPerSecond: Int = 1000, lowSpeedSeconds: Int = 15,
                maxBodyBytes: Int = 32 * 1024 * 1024, maxHeaderBytes: Int = 64 * 1024, retries: Int = 2,
                retryDelay: TimeInterval = 0.5, maxRetryWait: TimeInterval = 10, maxRedirects: Int = 10,
                userAgent: String = FetchSettings.userAgent(version: "0"), catalogue: Catalogue = .english) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.maxPerHost = max(1, maxPerHost)
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedBytesPerSecond = max(0, lowSpeedBytesPerSecond)
        self.lowSpeedSeconds = max(1, lowSpeedSeconds)
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.retries = max(0, retries)
        self.retryDelay = retryDelay
        self.maxRetryWait = maxRetryWait
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
        self.catalogue = catalogue
    }

    /// `qnread/VERSION (+https://github.com/qnread/qnread)`.
    public static func userAgent(version: String) -> String {
        "qnread/\(version) (+https://github.com/qnread/qnread)"
    }
}
