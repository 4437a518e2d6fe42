import Glibc

/// write(2) until every byte is out: it may take fewer at a time, or be interrupted by a signal (a resize).
enum FileDescriptorWriting {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: String(cString: strerror(errno))) }
            offset += written
        }
    }
}
