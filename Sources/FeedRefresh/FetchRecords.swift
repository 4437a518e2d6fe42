import FeedModel
import FeedStorage
import Foundation

/// Fetch outcomes on their way to the store, written together: whatever has arrived while the queue was busy
/// goes in one transaction (`FeedStore.recordFetches`). A warm reload of 200 feeds made 200 commits one after
/// the other on the bookkeeping queue, which kept the queue busy for 60% of the reload and the next fetches
/// waiting for their own look-up behind it.
final class FetchRecords: @unchecked Sendable {
    private struct Waiting {
        var record: FetchRecord
        var done: CheckedContinuation<Void, any Error>
    }

    private let store: FeedStore
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var waiting: [Waiting] = []
    private var flushQueued = false

    init(store: FeedStore, queue: DispatchQueue) {
        self.store = store
        self.queue = queue
    }

    /// Returns once the outcome is stored, or throws why it could not be.
    func record(_ outcome: FetchOutcome, for feed: FeedID, at time: Date) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            lock.lock()
            waiting.append(Waiting(record: FetchRecord(outcome, for: feed, at: time), done: done))
            let queueFlush = !flushQueued
            flushQueued = true
            lock.unlock()
            if queueFlush { queue.async { self.flush() } }
        }
    }

    private func flush() {
        lock.lock()
        let batch = waiting
        waiting = []
        flushQueued = false
        lock.unlock()
        do {
            let errors = try store.recordFetches(batch.map(\.record))
            for (entry, error) in zip(batch, errors) {
                if let error { entry.done.resume(throwing: error) } else { entry.done.resume() }
            }
        } catch {
            for entry in batch { entry.done.resume(throwing: error) }
        }
    }
}
