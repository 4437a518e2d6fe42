// The one way bytes of a feed enter qnread: HTTP(S) through libcurl (TransferLoop: one thread drives every
// transfer), files from disk, and feeds embedded in the binary. Safe to call from many tasks at once: a gate bounds
// the concurrency per host and overall, every limit holds while the bytes arrive, and every failure comes back as a
// value, never as a thrown error. Proxies: libcurl reads http_proxy, https_proxy, ALL_PROXY and no_proxy itself, as
// long as no proxy is set on a handle; so none is (see the proxy test in qnreadTests).

import FeedModel
import Foundation
import TextSafety

public final class FeedFetcher: Sendable {
    public let settings: FetchSettings
    private let loop: TransferLoop
    private let gate: FetchGate
    private let embedded: [String: Data]

    /// `embedded` maps URLs such as "qnread:demo" to bytes served without any I/O.
    public init(settings: FetchSettings = FetchSettings(), embedded: [String: Data] = [:]) {
        self.settings = settings
        self.embedded = embedded
        loop = TransferLoop(settings: settings)
        gate = FetchGate(maxTotal: settings.maxConcurrent, maxPerHost: settings.maxPerHost)
    }

    /// Fetches one feed, retrying 5xx and 429 with backoff (honouring `Retry-After`, capped).
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        let started = Date()
        func done(_ result: FetchResult) -> FetchResult {
            var result = result
            result.duration = Date().timeIntervalSince(started)
            return result
        }
        if let bytes = embedded[request.url] {
            return done(LocalSource.embedded(bytes, request: request))
        }
        guard let url = Self.url(for: request.url) else {
            return done(FetchResult(request: request, outcome: .failed(FetchFailure(.badURL, message: "“\(URLText.printable(request.url))” is not a URL qnread can fetch"))))
        }
        if url.isFileURL {
            return done(LocalSource.file(url, request: request, maxBytes: settings.maxBodyBytes))
        }
        let host = url.host?.lowercased() ?? ""
        let policy = RetryPolicy(settings: settings)
        var attempt = 1
        while true {
            await gate.acquire(host: host)
            let (outcome, trail) = await transfer(url, validators: request.validators)
            await gate.release(host: host)
            var result = HTTPVerdict.judge(outcome, trail: trail, request: request, settings: settings)
            result.attempts = attempt
            guard let failure = result.failure, !Task.isCancelled,
                  let wait = policy.delay(after: failure, attempt: attempt, retryAfter: outcome.head.value("Retry-After"),
                                          now: Date())
            else { return done(result) }
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            attempt += 1
        }
    }

    /// `http(s)://` and `file://` URLs as given; a plain absolute path becomes a file URL.
    static func url(for text: String) -> URL? {
        if text.hasPrefix("/") { return URL(fileURLWithPath: text) }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return nil }
        switch scheme {
        case "http", "https": return url.host?.isEmpty == false ? url : nil
        case "file": return url
        default: return nil
        }
    }

    /// One attempt: a transfer per hop, redirects followed on the transfer loop's thread so that each hop's status
    /// is seen, all within the total timeout. Returns the last hop's outcome (or a redirect's failure, as its abort)
    /// and the trail.
    private func transfer(_ url: URL, validators: FeedValidators) async -> (TransferOutcome, RedirectTrail) {
        await loop.run(TransferChain(url: url, headers: RequestHeaders.lines(for: validators), settings: settings))
    }
}
