// The URLSession edge: one delegate for the shared session routes callbacks to the transfer they belong to, which
// counts body bytes (cutting the transfer at the cap), watches redirects (loops, count, permanence) and enforces the
// total timeout. Everything else in FeedFetching works on the `TransferOutcome` value it produces.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one HTTP attempt produced, before it is judged.
struct TransferOutcome: Sendable {
    var response: HTTPURLResponse?
    var body: Data
    /// Each hop: the redirect's status and where it pointed.
    var redirects: [(status: Int, to: URL)]
    /// A limit the transfer broke (cap, loop, total timeout); it wins over URLSession's own error.
    var abort: FetchFailure?
    var error: URLError?
}

/// The state of one in-flight attempt. Touched from URLSession's delegate queue and the timeout timer.
final class Transfer: @unchecked Sendable {
    private let lock = NSLock()
    private var body = Data()
    private var response: HTTPURLResponse?
    private var redirects: [(status: Int, to: URL)] = []
    private var visited: Set<String>
    private var abort: FetchFailure?
    private var continuation: CheckedContinuation<TransferOutcome, Never>?
    private var deadline: DispatchWorkItem?
    private let maxBytes: Int
    private let maxRedirects: Int

    init(url: URL, maxBytes: Int, maxRedirects: Int, continuation: CheckedContinuation<TransferOutcome, Never>) {
        self.visited = [url.absoluteString]
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.continuation = continuation
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The total-timeout timer, cancelled (and released) when the transfer ends.
    func setDeadline(_ item: DispatchWorkItem) {
        locked { deadline = item }
    }

    /// Records a limit broken; the caller cancels the task. The first reason wins.
    func fail(_ failure: FetchFailure) {
        locked { if abort == nil { abort = failure } }
    }

    /// False when the transfer must stop (the body passed the cap).
    func receive(_ data: Data) -> Bool {
        locked {
            guard abort == nil else { return false }
            guard body.count + data.count <= maxBytes else {
                abort = FetchFailure(.tooLarge, message: "the feed is larger than \(Self.mebibytes(maxBytes)); transfer stopped")
                return false
            }
            body.append(data)
            return true
        }
    }

    /// False when the response announces a body over the cap.
    func receive(_ response: HTTPURLResponse) -> Bool {
        locked {
            self.response = response
            // Content-Length is the compressed size under gzip; the decoded body can only be larger.
            if response.expectedContentLength > Int64(maxBytes) {
                abort = FetchFailure(.tooLarge, httpStatus: response.statusCode,
                                     message: "the feed announces \(Self.mebibytes(Int(response.expectedContentLength))), over the \(Self.mebibytes(maxBytes)) cap")
                return false
            }
            return true
        }
    }

    /// Whether to follow a redirect to `url`; false (with the reason recorded) on a loop or too many hops.
    func shouldFollow(status: Int, to url: URL) -> Bool {
        locked {
            redirects.append((status, url))
            if !visited.insert(url.absoluteString).inserted {
                abort = FetchFailure(.redirectLoop, httpStatus: status, message: "redirect loop: \(url.absoluteString) was already visited")
                return false
            }
            if redirects.count > maxRedirects {
                abort = FetchFailure(.tooManyRedirects, httpStatus: status, message: "more than \(maxRedirects) redirects")
                return false
            }
            return true
        }
    }

    /// Resumes the waiting fetch exactly once.
    func finish(error: Error?) {
        let (continuation, outcome) = locked { () -> (CheckedContinuation<TransferOutcome, Never>?, TransferOutcome) in
            let pending = self.continuation
            self.continuation = nil
            deadline?.cancel()
            deadline = nil
            let urlError = error.map { ($0 as? URLError) ?? URLError(URLError.Code(rawValue: ($0 as NSError).code) ?? .unknown) }
            return (pending, TransferOutcome(response: response, body: body, redirects: redirects, abort: abort,
                                             error: urlError))
        }
        continuation?.resume(returning: outcome)
    }

    static func mebibytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes) bytes"
    }
}

/// The shared session's delegate: finds the transfer for each task and passes the event on.
final class TransferRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func register(_ transfer: Transfer, for task: URLSessionTask) {
        lock.lock()
        transfers[task.taskIdentifier] = transfer
        lock.unlock()
    }

    private func transfer(for task: URLSessionTask, removing: Bool = false) -> Transfer? {
        lock.lock()
        defer { lock.unlock() }
        return removing ? transfers.removeValue(forKey: task.taskIdentifier) : transfers[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse, let transfer = transfer(for: dataTask) else {
            completionHandler(.allow)
            return
        }
        if transfer.receive(http) {
            completionHandler(.allow)
        } else {
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(for: dataTask) else { return }
        if !transfer.receive(data) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        guard let transfer = transfer(for: task), let url = request.url else {
            completionHandler(request)
            return
        }
        if transfer.shouldFollow(status: response.statusCode, to: url) {
            completionHandler(request)
        } else {
            completionHandler(nil)
            task.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        transfer(for: task, removing: true)?.finish(error: error)
    }
}
