import Foundation

/// Sizes and durations as people read them, the same in `show`, `articles --json` readers, the pager and the
/// downloads list. Pure; English units on purpose (kB, MB are the same in French).
public enum MediaText {
    /// `900 B`, `12.3 MB` (decimal units, as players and file managers show them).
    public static func size(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// `45:30`, `1:02:03`.
    public static func duration(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds / 60 % 60, rest = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    /// `audio/mpeg, 12.3 MB, 45:30`: what is known of an enclosure besides its URL, or "" when nothing is.
    public static func details(of enclosure: Enclosure) -> String {
        var parts: [String] = []
        if let type = enclosure.type { parts.append(type) }
        if let length = enclosure.length { parts.append(size(length)) }
        if let duration = enclosure.duration { parts.append(self.duration(duration)) }
        return parts.joined(separator: ", ")
    }
}
