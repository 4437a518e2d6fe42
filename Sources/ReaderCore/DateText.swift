import Foundation

/// Formats dates with the `date_format` setting (a strftime subset), in a given time zone. Pure: the
/// runtime passes the zone in, nothing reads the clock.
public struct DateText: Hashable, Sendable {
    public var format: String
    public var timeZone: TimeZone

    public init(format: String, timeZone: TimeZone) {
        self.format = format
        self.timeZone = timeZone
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    public func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
        var out = ""
        var escaped = false
        for ch in format {
            guard escaped else {
                if ch == "%" { escaped = true } else { out.append(ch) }
                continue
            }
            escaped = false
            switch ch {
            case "Y": out += String(c.year ?? 0)
            case "y": out += two((c.year ?? 0) % 100)
            case "m": out += two(c.month)
            case "d": out += two(c.day)
            case "e": out += (c.day ?? 0) < 10 ? " \(c.day ?? 0)" : "\(c.day ?? 0)"
            case "H": out += two(c.hour)
            case "M": out += two(c.minute)
            case "S": out += two(c.second)
            case "b": out += DateText.months[((c.month ?? 1) - 1) % 12]
            case "a": out += DateText.days[((c.weekday ?? 1) - 1) % 7]
            case "j":
                let day = calendar.ordinality(of: .day, in: .year, for: date) ?? 0
                out += day < 10 ? "00\(day)" : day < 100 ? "0\(day)" : "\(day)"
            case "%": out += "%"
            default: out += "%\(ch)"
            }
        }
        return out
    }

    /// Directives `string(from:)` understands, for config validation.
    public static let directives: Set<Character> = ["Y", "y", "m", "d", "e", "H", "M", "S", "b", "a", "j", "%"]
}
