import FeedModel
import Foundation
import GRDB

// How Swift values are written into columns: dates as REAL Unix seconds, string lists one per line
// (the parser has already collapsed white space inside each), enclosures as JSON.
enum StoredValues {
    static func seconds(_ date: Date?) -> Double? { date?.timeIntervalSince1970 }

    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }

    static func lines(_ list: [String]) -> String? { list.isEmpty ? nil : list.joined(separator: "\n") }

    static func list(_ lines: String?) -> [String] {
        guard let lines, !lines.isEmpty else { return [] }
        return lines.split(separator: "\n").map(String.init)
    }

    static func json(_ enclosures: [Enclosure]) -> String? {
        guard !enclosures.isEmpty, let data = try? JSONEncoder().encode(enclosures) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func enclosures(_ json: String?) -> [Enclosure] {
        guard let json, let list = try? JSONDecoder().decode([Enclosure].self, from: Data(json.utf8)) else { return [] }
        return list
    }
}
