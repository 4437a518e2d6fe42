import FeedParsing
import Foundation

/// The stable identity of an article within its feed.
///
/// The article key is derived from the entry's own id; else its link; else a hash of its title and date
/// (published, else updated), or of its summary and content when it has neither title nor date.
/// Every stored status hangs off this key: changing how it is derived re-marks every article as new,
/// duplicates every article and loses every read and starred mark. Don't. If it must ever change, add a
/// migration that rewrites the stored keys with the new rule.
enum ArticleKey {
    static func of(_ item: ParsedItem) -> String {
        if let id = item.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty {
            return "id:" + id
        }
        if let link = item.link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty {
            return "link:" + link
        }
        let title = item.title ?? ""
        let date = item.published ?? item.updated
        let material: String
        if title.isEmpty, date == nil {
            material = "\n\n" + (item.summary ?? "") + "\n" + (item.content ?? "")
        } else {
            material = title + "\n" + (date.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? "")
        }
        return "hash:" + StableHash.hex(of: material)
    }
}

/// A 128-bit FNV-1a hash written in hex: stable across runs, platforms and Swift versions (unlike `Hasher`).
enum StableHash {
    static func hex(of text: String) -> String {
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high = high ^ (low >> 29)
        }
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
