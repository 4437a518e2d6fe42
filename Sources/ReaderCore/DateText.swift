import Foundation
import Localization

/// Formats dates with the `date_format` setting (a strftime subset), in a given time zone; unset, in the language's
/// own short form: `14 nov.` or `Nov 14` this year, `14 nov. 2025` or `Nov 14, 2025` before. Pure: the runtime passes
/// the zone and today in, nothing reads the clock, and month names are written here (the C library's locale data is
/// often not installed).
public struct DateText: Hashable, Sendable {
    public var format: String?
    public var timeZone: TimeZone
    public var language: Language
    /// This year's dates leave the year out.
    public var today: Date

    public init(format: String?, timeZone: TimeZone, language: Language = .en, today: Date = Date(timeIntervalSince1970: 0)) {
        self.format = format
        self.timeZone = timeZone
        self.language = language
        self.today = today
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// The Office québécois de la langue française's abbreviations; short names stay whole.
    private static let frenchMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.",
                                       "nov.", "déc."]
    private static let frenchDays = ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."]

    public func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        guard let format else { return languageDefault(c, thisYear: calendar.component(.year, from: today)) }
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
            case "b": out += monthName(c.month)
            case "a": out += (language == .fr ? DateText.frenchDays : DateText.days)[((c.weekday ?? 1) - 1) % 7]
            case "j":
                let day = calendar.ordinality(of: .day, in: .year, for: date) ?? 0
                out += day < 10 ? "00\(day)" : day < 100 ? "0\(day)" : "\(day)"
            case "%": out += "%"
            default: out += "%\(ch)"
            }
        }
        return out
    }

    private func monthName(_ month: Int?) -> String {
        (language == .fr ? DateText.frenchMonths : DateText.months)[((month ?? 1) - 1) % 12]
    }

    /// `14 nov.` / `Nov 14` this year; `14 nov. 2025` / `Nov 14, 2025` another.
    private func languageDefault(_ c: DateComponents, thisYear: Int) -> String {
        let day = c.day ?? 0
        let month = monthName(c.month)
        let year = c.year ?? 0
        switch language {
        case .fr: return year == thisYear ? "\(day) \(month)" : "\(day) \(month) \(year)"
        case .en: return year == thisYear ? "\(month) \(day)" : "\(month) \(day), \(year)"
        }
    }

    /// Directives `string(from:)` understands, for config validation.
    public static let directives: Set<Character> = ["Y", "y", "m", "d", "e", "H", "M", "S", "b", "a", "j", "%"]
}
