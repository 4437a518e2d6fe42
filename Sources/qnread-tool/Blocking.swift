import Foundation

/// Runs async work from a synchronous command and waits for it. Commands stay synchronous so the process's main
/// thread is never parked by an async entry point (DESIGN.md §6); the work runs on the concurrency pool.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = BlockingBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

private final class BlockingBox<T>: @unchecked Sendable {
    var value: T?
}
