import FeedModel
import Foundation

/// When to try a failed fetch again, and how long to wait first. Pure: the clock comes in as `now`.
struct RetryPolicy: Sendable {
    var settings: FetchSettings

    /// The wait before attempt `attempt + 1` (attempt counts from 1), or nil when there is none to make.
    func delay(after failure: FetchFailure, attempt: Int, retryAfter: String?, now: Date) -> TimeInterval? {
        guard failure.isRetryable, attempt <= settings.retries else { return nil }
        let backoff = settings.retryDelay * pow(2, Double(attempt - 1))
        let asked = retryAfter.flatMap { Self.seconds(fromRetryAfter: $0, now: now) } ?? 0
        return min(max(backoff, asked), settings.maxRetryWait)
    }

    /// `Retry-After` is either delta-seconds or an HTTP date.
    static func seconds(fromRetryAfter value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmingSpaces
        if let seconds = Int(trimmed) { return TimeInterval(max(0, seconds)) }
        return HTTPDate.parse(trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }
}
