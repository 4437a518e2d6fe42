import Foundation

// The failures of a limit qnread enforces, each one line naming the limit, in the style of the reload's output:
// `FAILED  https://…  stopped at 32 MiB (the server sent more)`. The URL is the caller's to print.
extension FetchFailure {
    /// The decoded body passed the cap (gzip bombs included: the count is of bytes after decoding).
    static func bodyCap(_ maxBytes: Int, status: Int?) -> FetchFailure {
        FetchFailure(.tooLarge, httpStatus: status, message: "stopped at \(bytes(maxBytes)) (the server sent more)")
    }

    /// `Content-Length` alone said the body is over the cap; nothing of it was read.
    static func announced(_ length: Int, over maxBytes: Int, status: Int?) -> FetchFailure {
        FetchFailure(.tooLarge, httpStatus: status, message: "the feed announces \(bytes(length)), over the \(bytes(maxBytes)) cap")
    }

    static func headerCap(_ maxBytes: Int, status: Int?) -> FetchFailure {
        FetchFailure(.tooLarge, httpStatus: status, message: "headers stopped at \(bytes(maxBytes)) (the server sent more)")
    }

    /// Under the low-speed limit for its whole window; `answered` is false when not one byte of a response came.
    static func tooSlow(_ settings: FetchSettings, answered: Bool) -> FetchFailure {
        FetchFailure(.tooSlow, message: answered
            ? "slower than \(speed(settings.lowSpeedBytesPerSecond)) for \(settings.lowSpeedSeconds) s"
            : "no answer in \(settings.lowSpeedSeconds) s")
    }

    static func totalTimeout(_ settings: FetchSettings) -> FetchFailure {
        FetchFailure(.timeout, message: "no complete answer within \(Int(settings.totalTimeout)) s")
    }

    static func noConnection(_ settings: FetchSettings) -> FetchFailure {
        FetchFailure(.timeout, message: "no connection within \(Int(settings.connectTimeout)) s")
    }

    /// `32 MiB`, `64 KiB`, `900 bytes`: whole units, rounded down.
    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20 { return "\(count >> 20) MiB" }
        if count >= 1 << 10 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// `1 KB/s`, `1.5 KB/s`, `500 bytes/s` (decimal kilobytes).
    static func speed(_ bytesPerSecond: Int) -> String {
        if bytesPerSecond < 1000 { return "\(bytesPerSecond) bytes/s" }
        if bytesPerSecond % 1000 == 0 { return "\(bytesPerSecond / 1000) KB/s" }
        return String(format: "%.1f KB/s", Double(bytesPerSecond) / 1000)
    }
}
