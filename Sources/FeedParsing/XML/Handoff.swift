import Foundation

/// A bounded queue between two threads: the producer blocks while `capacity` elements wait, the consumer
/// while none do. Either side may end it: the producer with `close` (or `fail`), the consumer with `stop`.
final class Handoff<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Element] = []
    private var closed = false
    private var stopped = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues `element`; false once the consumer has stopped listening.
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity, !stopped { condition.wait() }
        guard !stopped else { return false }
        waiting.append(element)
        condition.broadcast()
        return true
    }

    /// No more elements will come; `error` says why, when the producer failed.
    func close(failing error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        failure = error
        condition.broadcast()
    }

    /// The next element, nil once the queue is closed and empty; rethrows the producer's failure.
    func next() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, !closed { condition.wait() }
        if !waiting.isEmpty {
            condition.broadcast()
            return waiting.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer leaves: a producer blocked in `put` wakes and gets false.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
    }
}

/// A thread running one job, which can be waited for.
final class Worker: @unchecked Sendable {
    private let condition = NSCondition()
    private var done = false

    init(_ job: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            job()
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    func wait() {
        condition.lock()
        defer { condition.unlock() }
        while !done { condition.wait() }
    }
}
