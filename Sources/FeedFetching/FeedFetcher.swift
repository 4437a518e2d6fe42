// The one way bytes of a feed enter qnread: HTTP(S) through libcurl (TransferLoop: one thread drives every
// transfer), files from disk, and feeds embedded in the binary; also a sync server's API, POSTed (`post`). Safe to
// call from many tasks at once: the transfer loop bounds the concurrency per host and overall, every limit holds
// while the bytes arrive, and every failure comes back as a value, never as a thrown error. Proxies: libcurl reads
// http_proxy, https_proxy, ALL_PROXY and no_proxy itself, as long as no proxy is set on a handle; so none is (see
// the proxy test in qnreadTests).

import FeedModel
import Foundation
import Localization
import Synchronization
import TextSafety

public final class FeedFetcher: Sendable {
    public let settings: FetchSettings
    /// Made by the first HTTP(S) transfer: a fetcher that only reads files and embedded feeds never opens libcurl.
    private let loop = Mutex<Result<TransferLoop, FetchFailure>?>(nil)
    private let embedded: [String: Data]

    /// `embedded` maps URLs such as "qnread:demo" to bytes served without any I/O.
    public init(settings: FetchSettings = FetchSettings(), embedded: [String: Data] = [:]) {
        self.settings = settings
        self.embedded = embedded
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
            return done(FetchResult(request: request, outcome: .failed(FetchFailure(.badURL, message: settings.catalogue.tr("“%s” is not a URL qnread can fetch", URLText.printable(request.url))))))
        }
        if url.isFileURL {
            return done(LocalSource.file(url, request: request, settings: settings))
        }
        return done(await exchange(request, url: url, headers: RequestHeaders.lines(for: request.validators), body: nil))
    }

    /// POSTs `body` to an http(s) URL (a server aggregator's API), under the same limits, retries and failure
    /// messages as a feed. A 2xx answer comes back as `.body`; any other status or a network failure as `.failed`.
    public func post(_ urlText: String, body: Data, headers: [String]) async -> FetchResult {
        let started = Date()
        let request = FetchRequest(url: urlText)
        var result: FetchResult
        if let url = Self.url(for: urlText), !url.isFileURL {
            result = await exchange(request, url: url, headers: headers, body: body)
        } else {
            result = FetchResult(request: request, outcome: .failed(FetchFailure(.badURL, message: settings.catalogue.tr("“%s” is not an http(s) URL", URLText.printable(urlText)))))
        }
        result.duration = Date().timeIntervalSince(started)
        return result
    }

    /// One request and its retries: 5xx and 429 are tried again with backoff (honouring `Retry-After`, capped).
    private func exchange(_ request: FetchRequest, url: URL, headers: [String], body: Data?) async -> FetchResult {
        let loop: TransferLoop
        switch transferLoop() {
        case .success(let ready): loop = ready
        case .failure(let failure): return FetchResult(request: request, outcome: .failed(failure))
        }
        let policy = RetryPolicy(settings: settings)
        var attempt = 1
        while true {
            let (outcome, trail) = await loop.run(TransferChain(url: url, headers: headers, body: body, settings: settings))
            var result = HTTPVerdict.judge(outcome, trail: trail, request: request, settings: settings)
            result.attempts = attempt
            guard let failure = result.failure, !Task.isCancelled,
                  let wait = policy.delay(after: failure, attempt: attempt, retryAfter: outcome.head.value("Retry-After"),
                                          now: Date())
            else { return result }
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            attempt += 1
        }
    }

    /// The transfer loop, made (and libcurl opened) by the first call; also for downloads (FeedFetcher+Download).
    func transferLoop() -> Result<TransferLoop, FetchFailure> {
        loop.withLock { loop in
            if let loop { return loop }
            let made = TransferLoop.make(settings: settings)
            loop = made
            return made
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
}
