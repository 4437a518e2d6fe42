import CCurl
import Foundation

/// One attempt at a feed as the transfer loop runs it: a hop per request, the next one started on the loop's
/// thread as soon as a redirect ends (RedirectTrail decides), all within one deadline, and the task waiting for
/// the last outcome. Following redirects here rather than in the task keeps a hop from waiting for a busy
/// thread pool while the deadline runs. Only `cancel()` and `isCancelled` come from other threads.
final class TransferChain: @unchecked Sendable {
    private let headers: [String]
    /// A POST's body, dropped after a redirect that turns the request into a GET (301, 302, 303).
    private var body: Data?
    private let settings: FetchSettings
    private let sink: BodySink?
    /// The start URL's host: the chain holds one of its slots (TransferLoop) from its first hop to its end.
    let host: String
    /// Set by the first hop: time spent waiting for a slot is not the feed's.
    private var deadline: Date?
    private var trail: RedirectTrail
    private var continuation: CheckedContinuation<(TransferOutcome, RedirectTrail), Never>?
    private let cancelLock = NSLock()
    private var cancelled = false

    init(url: URL, headers: [String], body: Data? = nil, sink: BodySink? = nil, settings: FetchSettings) {
        self.headers = headers
        self.body = body
        self.sink = sink
        self.settings = settings
        host = url.host?.lowercased() ?? ""
        trail = RedirectTrail(start: url, maxRedirects: settings.maxRedirects, words: settings.catalogue)
    }

    /// Before the chain is handed to the loop: the task to resume with the outcome.
    func await(_ continuation: CheckedContinuation<(TransferOutcome, RedirectTrail), Never>) {
        self.continuation = continuation
    }

    /// From any thread; the loop ends the chain at its next turn.
    func cancel() {
        cancelLock.withLock { cancelled = true }
    }

    var isCancelled: Bool { cancelLock.withLock { cancelled } }

    /// The request for `trail.current`, with what is left of the deadline; nil when the chain has ended instead
    /// (out of time, or no handle to be had).
    func nextHop() -> EasyTransfer? {
        let deadline = self.deadline ?? Date().addingTimeInterval(settings.totalTimeout)
        self.deadline = deadline
        let timeLeft = deadline.timeIntervalSinceNow
        guard timeLeft > 0 else {
            finish(TransferOutcome(abort: .totalTimeout(settings)))
            return nil
        }
        let request = EasyTransfer.Request(url: trail.current.absoluteString, headers: headers, settings: settings,
                                           timeLimit: timeLeft, body: body, sink: sink)
        guard let hop = EasyTransfer(request) else {
            finish(.failed(.other(code: Int(CURLE_OUT_OF_MEMORY.rawValue)), "out of memory"))
            return nil
        }
        return hop
    }

    /// After a hop ended: true when its redirect is to be followed (`nextHop` goes there), false when the chain
    /// has ended with it.
    func follows(_ outcome: TransferOutcome) -> Bool {
        guard let last = trail.step(after: outcome) else {
            if let status = trail.hops.last?.status, status != 307, status != 308 { body = nil }
            return true
        }
        finish(last)
        return false
    }

    /// Resumes the waiting task, once.
    func finish(_ outcome: TransferOutcome) {
        continuation?.resume(returning: (outcome, trail))
        continuation = nil
    }
}
