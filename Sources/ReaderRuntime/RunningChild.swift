import Foundation
import Glibc

/// The child of a background run in progress (a reload, a download), if any, shared between its thread and the
/// main thread.
final class RunningChild: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: pid_t?
    private var stopped = false

    /// The background thread records its child here once it runs; the reader may already have quit (a Q pressed
    /// between the spawn and this call), and then the child is ended at once rather than left running.
    func set(_ pid: pid_t?) {
        lock.withLock {
            self.pid = pid
            if stopped, let pid { _ = kill(pid, SIGTERM) }
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            if let pid { _ = kill(pid, SIGTERM) }
        }
    }
}
