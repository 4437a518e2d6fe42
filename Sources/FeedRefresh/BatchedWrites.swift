import Foundation

/// Writes on their way to the store, done together: whatever has arrived while the queue was busy goes to `write`
/// as one batch, which the store runs as one transaction. A warm reload of 200 feeds made 200 commits of fetch
/// outcomes one after the other, which kept the queue busy for 60% of the reload; a cold one made two commits per
/// feed, and the commits (with the search index's segment made at each) were 40% of the store's writing.
final class BatchedWrites<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private struct Waiting {
        var item: Item
        var done: CheckedContinuation<Output, any Error>
    }

    private let queue: DispatchQueue
    /// One result per item, in order; throwing fails the whole batch.
    private let write: @Sendable ([Item]) throws -> [Result<Output, any Error>]
    private let lock = NSLock()
    private var waiting: [Waiting] = []
    private var flushQueued = false

    init(queue: DispatchQueue, write: @escaping @Sendable ([Item]) throws -> [Result<Output, any Error>]) {
        self.queue = queue
        self.write = write
    }

    /// Returns `item`'s output once its batch is written, or throws why it could not be.
    func submit(_ item: Item) async throws -> Output {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Output, any Error>) in
            lock.lock()
            waiting.append(Waiting(item: item, done: done))
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
            let results = try write(batch.map(\.item))
            for (entry, result) in zip(batch, results) { entry.done.resume(with: result) }
        } catch {
            for entry in batch { entry.done.resume(throwing: error) }
        }
    }
}
