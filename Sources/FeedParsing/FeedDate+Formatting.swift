import Foundation

/// `Date` → the two textual forms feeds and OPML files use, by the same civil arithmetic as parsing.
extension FeedDate {
    /// RFC 3339 in UTC with `Z`, as the JSON model writes dates: `2024-11-14T15:00:00Z`
    /// (milliseconds are added only when the instant has them).
    public static func rfc3339(_ date: Date) -> String {
        let (days, seconds, milliseconds) = split(date)
        let (year, month, day) = CivilDateTime.civilFromDays(days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if milliseconds > 0 { text += ".\(pad(milliseconds, 3))" }
        return text + "Z"
    }

    /// RFC 822 in GMT, as OPML 2.0's `dateCreated` and RSS 2.0 want it: `Thu, 14 Nov 2024 15:00:00 GMT`.
    public static func rfc822(_ date: Date) -> String {
        let (days, seconds, _) = split(date)
        let (year, month, day) = CivilDateTime.civilFromDays(days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        return "\(weekday), \(pad(day, 2)) \(months[month - 1]) \(pad(year, 4)) "
            + "\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)) GMT"
    }

    /// Whole days since the epoch, seconds into that day, and milliseconds (rounded down, never negative).
    private static func split(_ date: Date) -> (days: Int, seconds: Int, milliseconds: Int) {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1_000).rounded(.down))
        let totalSeconds = totalMilliseconds >= 0 ? totalMilliseconds / 1_000 : (totalMilliseconds - 999) / 1_000
        let milliseconds = totalMilliseconds - totalSeconds * 1_000
        let days = totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400
        return (days, totalSeconds - days * 86_400, milliseconds)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
