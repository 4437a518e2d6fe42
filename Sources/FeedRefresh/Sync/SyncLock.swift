import Foundation
import Glibc

/// One sync at a time per database: an exclusive `flock` on a file beside it. Two syncs at once could each send a
/// different mark of the same article and the older could reach the server last. The kernel releases the lock when
/// the process ends, however it ends, so a killed sync never blocks the next one.
final class SyncLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for another sync to finish.
    init(beside databasePath: String, timeout: TimeInterval = 120) throws(SyncError) {
        let path = databasePath + ".sync-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SyncError(.local, "\(path): cannot open the sync lock (\(String(cString: strerror(errno))))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw SyncError(.local, "another sync of \(databasePath) has been running for \(Int(timeout)) s; try again later")
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
