import Foundation
import Glibc

/// One download run at a time per database (an exclusive `flock` on a file beside it): two runs would write the
/// same partial file. A second run waits for the first, then finds what is still queued. The kernel releases the
/// lock when the process ends, however it ends (kill -9 included).
public final class DownloadLock {
    private let descriptor: Int32

    public init(beside databasePath: String) throws {
        let path = databasePath + ".download-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw DownloadLockError(message: "\(path): cannot open the download lock (\(String(cString: strerror(errno))))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw DownloadLockError(message: "\(path): cannot lock (\(String(cString: strerror(errno))))")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public struct DownloadLockError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
