import Foundation
import Localization
import TextSafety

/// The hops of one fetch, followed one at a time (one libcurl transfer each) so that each hop's status is known:
/// a URL seen before is a loop, more than `maxRedirects` hops is too many, and a chain of permanent redirects
/// moves the feed. Pure.
struct RedirectTrail: Sendable {
    /// Where the next request goes.
    private(set) var current: URL
    /// Each hop: the redirect's status and where it pointed.
    private(set) var hops: [(status: Int, to: URL)] = []
    private var visited: Set<String>
    private let maxRedirects: Int
    /// The language a failure is worded in.
    private let words: Catalogue

    init(start: URL, maxRedirects: Int, words: Catalogue = .english) {
        current = start
        visited = [start.absoluteString]
        self.maxRedirects = maxRedirects
        self.words = words
    }

    /// The statuses that send a feed reader elsewhere (with a `Location`).
    static func isRedirect(_ status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }

    /// After a hop: nil when its redirect is to be followed (`current` is then its target), else the outcome the
    /// attempt ends with (a redirect that cannot be followed ends with its failure as the abort, and no body).
    mutating func step(after outcome: TransferOutcome) -> TransferOutcome? {
        let status = outcome.head.status
        guard outcome.abort == nil, outcome.error == nil, Self.isRedirect(status), let location = outcome.redirectURL else {
            return outcome
        }
        var stop = outcome
        stop.body = Data()
        guard let target = URL(string: location), ["http", "https"].contains(target.scheme?.lowercased() ?? "") else {
            stop.abort = FetchFailure(.badURL, httpStatus: status,
                                      message: words.tr("redirected to “%s”, which qnread cannot fetch", URLText.printable(location)))
            return stop
        }
        if let failure = follow(status: status, to: target) {
            stop.abort = failure
            return stop
        }
        return nil
    }

    /// Records a redirect to `target`: nil when it is to be followed (`current` is then the target), else the
    /// failure that ends the fetch.
    mutating func follow(status: Int, to target: URL) -> FetchFailure? {
        hops.append((status, target))
        if !visited.insert(target.absoluteString).inserted {
            return FetchFailure(.redirectLoop, httpStatus: status,
                                message: words.tr("redirect loop: %s was already visited", URLText.printable(target.absoluteString)))
        }
        if hops.count > maxRedirects {
            return FetchFailure(.tooManyRedirects, httpStatus: status, message: words.trn("more than %d redirect", "more than %d redirects", maxRedirects))
        }
        current = target
        return nil
    }

    /// The last hop's URL when every hop was permanent (301, 308); a temporary hop keeps the old URL.
    var permanentTarget: String? {
        guard let last = hops.last, hops.allSatisfy({ $0.status == 301 || $0.status == 308 }) else { return nil }
        return last.to.absoluteString
    }
}
