import Glibc
import ReaderCore
import Synchronization

/// Messages from background work to the main loop. Posting writes a byte to a pipe the loop polls with
/// stdin, so a reload's progress shows while the reader sits idle.
public final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])
    /// The end the main loop waits on.
    public let wakeDescriptor: Int32
    private let writeDescriptor: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            // Close-on-exec too, so that no program the reader runs (browser, pager, reload) inherits the wake pipe.
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(wakeDescriptor)
        close(writeDescriptor)
    }

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        var byte: UInt8 = 1
        // A full pipe already means "wake up"; losing this byte loses nothing.
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Everything posted so far, oldest first.
    public func drain() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
        return messages.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
