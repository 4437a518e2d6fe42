import FeedModel
import Foundation
import Localization

/// A download's partial file as the body arrives (BodySink): appended to when the server answers a `Range` with
/// 206 from the right byte, rewritten from the start when it answers 200 (it ignored the range), left alone and
/// refused when a 206 starts elsewhere. Enforces the size cap and the announced length while the bytes arrive.
/// Sizes are said in MB, as max_download_mb counts them. Touched by the transfer thread while it runs, by the
/// caller before and after.
final class PartialFile: BodySink, @unchecked Sendable {
    let path: String
    /// Bytes already on disk when the request was made (what the `Range` asked to skip).
    let existing: Int64
    private let maxBytes: Int64
    private let progress: @Sendable (Int64, Int64?) -> Void
    private let words: Catalogue
    private var descriptor: Int32 = -1
    private(set) var received: Int64 = 0
    /// The whole file's size, as the server says it.
    private(set) var total: Int64?
    private(set) var restarted = false
    private(set) var began = false
    /// A 206 that does not continue the bytes on disk (another start, or none said): nothing was written.
    private(set) var misplaced = false

    init(path: String, maxBytes: Int64, words: Catalogue, progress: @escaping @Sendable (Int64, Int64?) -> Void) {
        self.path = path
        self.maxBytes = maxBytes
        self.words = words
        self.progress = progress
        var info = stat()
        existing = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int64(info.st_size) : 0
        received = existing
    }

    func begin(_ head: ResponseHead) -> FetchFailure? {
        began = true
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW
        if head.status == 206 {
            // Only a part that continues the bytes on disk can be appended; any other part is not the whole file.
            let range = ContentRange(head.value("Content-Range"))
            guard let start = range?.start, start == existing else {
                misplaced = true
                let message = range?.start.map { words.tr("HTTP 206 from byte %s, asked from byte %s", String($0), String(existing)) }
                    ?? words.tr("HTTP 206 without a Content-Range, asked from byte %s", String(existing))
                return FetchFailure(.http, httpStatus: 206, message: message)
            }
            flags |= O_APPEND
            total = range?.total
        } else {
            // A 200: the range was ignored, start over.
            flags |= O_TRUNC
            restarted = existing > 0
            received = 0
            total = head.contentLength.map(Int64.init)
        }
        if let total, total > maxBytes {
            return FetchFailure(.tooLarge, httpStatus: head.status,
                                message: "the server announces \(MediaText.size(total)), over the \(MediaText.size(maxBytes)) cap")
        }
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { return FetchFailure(.file, message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        progress(received, total)
        return nil
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> FetchFailure? {
        let count = Int64(bytes.count)
        if received + count > maxBytes {
            return FetchFailure(.tooLarge, message: "stopped at the \(MediaText.size(maxBytes)) cap (the server sent more)")
        }
        if let total, received + count > total {
            return FetchFailure(.tooLarge, message: "the server sent more than the \(MediaText.size(total)) it announced")
        }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return FetchFailure(.file, message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        received += count
        progress(received, total)
        return nil
    }

    /// Flushes the bytes to the disk (a rename after a crash must not name an empty file) and closes; false when
    /// the disk refused.
    func close() -> Bool {
        guard descriptor >= 0 else { return true }
        defer { descriptor = -1 }
        let synced = fsync(descriptor) == 0
        return Foundation.close(descriptor) == 0 && synced
    }
}

/// `Content-Range: bytes START-END/TOTAL` (TOTAL may be `*`), or a 416's `bytes */TOTAL` (no start).
struct ContentRange: Hashable {
    var start: Int64?
    var total: Int64?

    init?(_ text: String?) {
        guard let text, text.lowercased().hasPrefix("bytes ") else { return nil }
        let parts = text.dropFirst(6).trimmingSpaces.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        if parts[0] == "*" {
            start = nil
        } else {
            guard let dash = parts[0].firstIndex(of: "-"), let start = Int64(parts[0][..<dash]) else { return nil }
            self.start = start
        }
        total = Int64(parts[1])
    }
}
