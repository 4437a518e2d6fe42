import Foundation

/// Dates as feeds write them → `Date`, by hand over the UTF-8 bytes: no DateFormatter, no locale, no
/// Calendar (all far too slow for 50,000 items, and locale-bound). Pure: no clock, no I/O.
///
/// Two readers share the work: `ISO8601Reader` for text that starts with a four-digit year
/// (RFC 3339, ISO 8601, W3C-DTF) and `WrittenDateReader` for dates with month names
/// (RFC 822/1123/2822, RFC 850, asctime, and French as WordPress writes it).
public enum FeedDate {
    /// RFC 822/1123, RFC 3339/ISO 8601/W3C-DTF and French-localized forms; nil when unparseable.
    /// A missing zone means UTC; the weekday, when given, is not checked against the date
    /// (real feeds get it wrong often enough that rejecting would lose good dates).
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// Midnight UTC of a day written exactly `YYYY-MM-DD` that exists (no 31 February); nil otherwise. What search's
    /// `after:`/`before:` and the filter language's `date` compare with.
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return parse(text + "T00:00:00Z")
    }

    /// The same, straight from UTF-8 bytes (a SAX callback's buffer), without building a String.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0
        var end = bytes.count
        while start < end {
            if bytes[start].isXMLSpace { start += 1 }
            else if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 { start += 2 }
            else { break }
        }
        while end > start {
            if bytes[end - 1].isXMLSpace { end -= 1 }
            else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
            else { break }
        }
        guard start < end else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if ISO8601Reader.accepts(text) {
            var reader = ISO8601Reader(text)
            return reader.read()?.date
        }
        var reader = WrittenDateReader(text)
        return reader.read()?.date
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The digits after a decimal point, as a fraction; nil when there are none. Digits past the ninth
    /// cannot change a `Date` and are only skipped.
    static func fraction(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Double? {
        var numerator = 0
        var scale = 1
        let start = index
        while index < bytes.count, isDigit(bytes[index]) {
            if scale < 1_000_000_000 {
                numerator = numerator * 10 + Int(bytes[index] &- 0x30)
                scale *= 10
            }
            index += 1
        }
        return index > start ? Double(numerator) / Double(scale) : nil
    }
}

extension FeedDate {
    /// A date and time as written, before it is checked and turned into an instant.
    struct CivilDateTime {
        var year = 0
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        /// East of UTC, in seconds.
        var offset = 0

        /// nil when a field is out of range. 24:00:00 is the end of the day (the next midnight);
        /// a leap second :60 lands on the next minute, as `Date` cannot hold it.
        var date: Date? {
            guard (1...9999).contains(year), (1...12).contains(month),
                  day >= 1, day <= CivilDateTime.daysIn(month: month, year: year),
                  (0...59).contains(minute), (0...60).contains(second) else { return nil }
            guard hour < 24 || (hour == 24 && minute == 0 && second == 0 && fraction == 0), hour >= 0 else {
                return nil
            }
            let days = CivilDateTime.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
            return Date(timeIntervalSince1970: Double(seconds) + fraction)
        }

        static func isLeap(_ year: Int) -> Bool {
            year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }

        static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: return isLeap(year) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The inverse: (year, month, day) of a day count since 1970-01-01.
        static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let mp = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }
}
