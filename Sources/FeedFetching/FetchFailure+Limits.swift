import Foundation
import Localization

// The failures of a limit qnread enforces, each one line naming the limit, in the style of the reload's output:
// `FAILED  https://…  stopped at 32 MiB (the server sent more)`. The URL is the caller's to print. Worded in the
// settings' language, units included (`32 Mio`, `1,5 ko/s` in French).
extension FetchFailure {
    /// The decoded body passed the cap (gzip bombs included: the count is of bytes after decoding).
    static func bodyCap(_ settings: FetchSettings, status: Int?) -> FetchFailure {
        let words = settings.catalogue
        return FetchFailure(.tooLarge, httpStatus: status,
                            message: words.tr("stopped at %s (the server sent more)", bytes(settings.maxBodyBytes, in: words)))
    }

    /// `Content-Length` alone said the body is over the cap; nothing of it was read.
    static func announced(_ length: Int, _ settings: FetchSettings, status: Int?) -> FetchFailure {
        let words = settings.catalogue
        return FetchFailure(.tooLarge, httpStatus: status, message: words.tr(
            "the feed announces %s, over the %s cap", bytes(length, in: words), bytes(settings.maxBodyBytes, in: words)))
    }

    static func headerCap(_ settings: FetchSettings, status: Int?) -> FetchFailure {
        let words = settings.catalogue
        return FetchFailure(.tooLarge, httpStatus: status, message: words.tr(
            "headers stopped at %s (the server sent more)", bytes(settings.maxHeaderBytes, in: words)))
    }

    /// Under the low-speed limit for its whole window; `answered` is false when not one byte of a response came.
    static func tooSlow(_ settings: FetchSettings, answered: Bool) -> FetchFailure {
        let words = settings.catalogue
        let seconds = String(settings.lowSpeedSeconds)
        return FetchFailure(.tooSlow, message: answered
            ? words.tr("slower than %s for %s s", speed(settings.lowSpeedBytesPerSecond, in: words), seconds)
            : words.tr("no answer in %s s", seconds))
    }

    static func totalTimeout(_ settings: FetchSettings) -> FetchFailure {
        FetchFailure(.timeout, message: settings.catalogue.tr("no complete answer within %s s", String(Int(settings.totalTimeout))))
    }

    static func noConnection(_ settings: FetchSettings) -> FetchFailure {
        FetchFailure(.timeout, message: settings.catalogue.tr("no connection within %s s", String(Int(settings.connectTimeout))))
    }

    /// `32 MiB`, `64 KiB`, `900 bytes` (French `32 Mio`, `64 Kio`, `900 octets`): whole units, rounded down.
    static func bytes(_ count: Int, in words: Catalogue) -> String {
        if count >= 1 << 20 { return words.tr("%s MiB", String(count >> 20)) }
        if count >= 1 << 10 { return words.tr("%s KiB", String(count >> 10)) }
        return words.trn("%s byte", "%s bytes", count, String(count))
    }

    /// `1 KB/s`, `1.5 KB/s`, `500 bytes/s` (decimal kilobytes; French `1,5 ko/s`, `500 octets/s`).
    static func speed(_ bytesPerSecond: Int, in words: Catalogue) -> String {
        if bytesPerSecond < 1000 { return words.tr("%s bytes/s", String(bytesPerSecond)) }
        if bytesPerSecond % 1000 == 0 { return words.tr("%s KB/s", String(bytesPerSecond / 1000)) }
        return words.tr("%s KB/s", words.decimal(Double(bytesPerSecond) / 1000))
    }
}
