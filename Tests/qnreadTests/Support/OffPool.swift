import Foundation

/// Runs blocking work (a child process, psql, an HTTP round trip) on a thread of its own, and waits for it without
/// holding a thread of the concurrency pool. The pool has one thread per core (two here): sync tests that blocked
/// them for seconds starved the async tests running beside them, and a fetch's 60 s limit was seen at 70 s.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
