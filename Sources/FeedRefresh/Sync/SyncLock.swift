import Foundation
import Localization
import Glibc

/// One sync at a time per database: an exclusive `flock` on a file beside it. Two syncs at once could each send a
/// different mark of the same article and the older could reach the server last. The kernel releases the lock when
/// the process ends, however it ends, so a killed sync never blocks the next one.
///
/// The file, readable by its owner only, also keeps the server's session id from one sync to the next, so a sync
/// with nothing new needs no login (a session the server has forgotten costs one login, as before).
final class SyncLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for another sync to finish.
    init(beside databasePath: String, timeout: TimeInterval = 120) throws(SyncError) {
        let path = databasePath + ".sync-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw SyncError(.local, N_("%s: cannot open the sync lock (%s)"), path, String(cString: strerror(errno)))
        }
        fchmod(descriptor, 0o600)
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw SyncError(.local, N_("another sync of %s has been running for %s s; try again later"), databasePath, String(Int(timeout)))
            }
            usleep(100_000)
        }
    }

    /// The session id the last sync of `account` kept, if any (a session of another account is never used).
    func keptSession(for account: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        guard let tab = text.lastIndex(of: "\t"), text[..<tab] == account else { return nil }
        let session = String(text[text.index(after: tab)...])
        return !session.isEmpty && session.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ",") })
            ? session : nil
    }

    /// Keeps `session` of `account` for the next sync (nil forgets it).
    func keep(session: String?, for account: String) {
        guard keptSession(for: account) != session else { return }
        ftruncate(descriptor, 0)
        guard let session else { return }
        let text = Array((account + "\t" + session).utf8)
        _ = text.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
