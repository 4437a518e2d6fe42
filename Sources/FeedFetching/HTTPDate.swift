import CCurl
import Foundation

/// HTTP dates: written for file validators (RFC 9110's IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT") and read
/// for `Retry-After` by libcurl's own date parser, which takes all three forms RFC 9110 asks recipients to accept.
enum HTTPDate {
    // English whatever the locale: strftime's %a and %b follow LC_TIME, and DateFormatter is slow.
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var t = tm()
        gmtime_r(&seconds, &t)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(t.tm_wday)]), \(two(t.tm_mday)) \(months[Int(t.tm_mon)]) \(t.tm_year + 1900) "
            + "\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) GMT"
    }

    /// nil when the text is no HTTP date (IMF-fixdate, RFC 850 or asctime).
    static func parse(_ text: String) -> Date? {
        let seconds = qn_getdate(text)
        return seconds == -1 ? nil : Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
