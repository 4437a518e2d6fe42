// The one way bytes of a feed enter qnread: HTTP(S) through URLSession (libcurl on Linux), files from disk, and
// feeds embedded in the binary. Safe to call from many tasks at once: a gate bounds the concurrency per host and
// overall, and every failure comes back as a value, never as a thrown error.

import FeedModel
import Foundation
import TextSafety
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

public final class FeedFetcher: Sendable {
    public let settings: FetchSettings
    private let session: URLSession
    private let router: TransferRouter
    private let gate: FetchGate
    private let embedded: [String: Data]

    /// `embedded` maps URLs such as "qnread:demo" to bytes served without any I/O.
    public init(settings: FetchSettings = FetchSettings(), embedded: [String: Data] = [:]) {
        self.settings = settings
        self.embedded = embedded
        let configuration = URLSessionConfiguration.ephemeral
        // qnread keeps its own validators; a URL cache would answer for the server.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = settings.maxPerHost
        configuration.timeoutIntervalForRequest = settings.connectTimeout
        configuration.timeoutIntervalForResource = settings.totalTimeout
        // Proxies: libcurl reads http_proxy, https_proxy, HTTPS_PROXY, ALL_PROXY and no_proxy itself, as long as
        // no proxy is configured here; so nothing is set (see the proxy test in qnreadTests).
        router = TransferRouter()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: queue)
        gate = FetchGate(maxTotal: settings.maxConcurrent, maxPerHost: settings.maxPerHost)
    }

    deinit { session.invalidateAndCancel() }

    /// Fetches one feed, retrying timeouts and 5xx with backoff (honouring `Retry-After`, capped).
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
            return done(FetchResult(request: request, outcome: .failed(FetchFailure(.badURL, message: "“\(SafeText.collapsedLine(request.url))” is not a URL qnread can fetch"))))
        }
        if url.isFileURL {
            return done(LocalSource.file(url, request: request, maxBytes: settings.maxBodyBytes))
        }
        let host = url.host?.lowercased() ?? ""
        let policy = RetryPolicy(settings: settings)
        var attempt = 1
        while true {
            await gate.acquire(host: host)
            let outcome = await transfer(url, validators: request.validators)
            await gate.release(host: host)
            var result = HTTPVerdict.judge(outcome, request: request, url: url)
            result.attempts = attempt
            guard let failure = result.failure, !Task.isCancelled,
                  let wait = policy.delay(after: failure, attempt: attempt,
                                          retryAfter: outcome.response?.value(forHTTPHeaderField: "Retry-After"), now: Date())
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

    private func transfer(_ url: URL, validators: FeedValidators) async -> TransferOutcome {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.timeoutInterval = settings.connectTimeout
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
                         forHTTPHeaderField: "Accept")
        if let etag = validators.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = validators.lastModified {
            request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
        }
        // Accept-Encoding is left to libcurl: it offers what it can decode (gzip, deflate, br, zstd) and decodes it.
        let task = session.dataTask(with: request)
        let settings = settings
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let transfer = Transfer(url: url, maxBytes: settings.maxBodyBytes, maxRedirects: settings.maxRedirects,
                                        continuation: continuation)
                router.register(transfer, for: task)
                let deadline = DispatchWorkItem { [weak task] in
                    transfer.fail(FetchFailure(.timeout, message: "no complete answer within \(Int(settings.totalTimeout)) s"))
                    task?.cancel()
                }
                transfer.setDeadline(deadline)
                DispatchQueue.global().asyncAfter(deadline: .now() + settings.totalTimeout, execute: deadline)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }
}
