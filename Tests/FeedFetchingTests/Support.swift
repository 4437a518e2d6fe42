import Foundation
import FeedFetching
import FeedModel
import LocalHTTPServer

enum Fixture {
    static func data(_ name: String) -> Data {
        let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
        return try! Data(contentsOf: url)
    }
}

/// Counts how many handlers run at the same moment, across any number of servers.
final class InFlightCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var maximum = 0

    /// Runs `body` counted as in flight.
    func during<T>(_ body: () -> T) -> T {
        lock.lock(); current += 1; maximum = max(maximum, current); lock.unlock()
        defer { lock.lock(); current -= 1; lock.unlock() }
        return body()
    }

    /// The most that were in flight at once.
    var peak: Int { lock.lock(); defer { lock.unlock() }; return maximum }
}

/// Settings for tests: short waits so failures surface in well under a second.
func quickSettings(retries: Int = 0, connectTimeout: TimeInterval = 5, totalTimeout: TimeInterval = 10,
                   maxBodyBytes: Int = 32 * 1024 * 1024) -> FetchSettings {
    FetchSettings(connectTimeout: connectTimeout, totalTimeout: totalTimeout, maxBodyBytes: maxBodyBytes,
                  retries: retries, retryDelay: 0.05, maxRetryWait: 0.3, userAgent: FetchSettings.userAgent(version: "9.9"))
}

extension FetchResult {
    var bodyData: Data? {
        if case .body(let body) = outcome { return body.data }
        return nil
    }

    var body: FetchedBody? {
        if case .body(let body) = outcome { return body }
        return nil
    }

    var notModifiedReason: NotModifiedReason? {
        if case .notModified(_, let reason) = outcome { return reason }
        return nil
    }

    var validators: FeedValidators? {
        switch outcome {
        case .body(let body): body.validators
        case .notModified(let validators, _): validators
        case .failed: nil
        }
    }
}
