/// What the first bytes of an input look like; the file name is never consulted.
enum FeedSniffer {
    enum Kind: Equatable { case xml, json, html, empty, unknown }

    static func sniff(_ bytes: UnsafeRawBufferPointer) -> Kind {
        var b = Array(bytes.prefix(4096))
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return .xml } // UTF-16 with a mark
        if b.count >= 2, (b[0] == 0) != (b[1] == 0) { return .xml } // UTF-16 without one
        var i = skipSpace(b, 0)
        guard i < b.count else { return .empty }
        if b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "[") { return .json }
        guard b[i] == UInt8(ascii: "<") else { return .unknown }
        // Skip the XML declaration and comments to reach the first real tag.
        while i < b.count {
            let rest = lowercased(b, from: i, count: 16)
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
                let close = rest.hasPrefix("<?") ? "?>" : "-->"
                guard let end = find(b, close, from: i) else { return .xml }
                i = skipSpace(b, end + close.utf8.count)
                continue
            }
            if rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html") || rest.hasPrefix("<head") || rest.hasPrefix("<body") {
                return .html
            }
            return .xml
        }
        return .xml
    }

    private static func skipSpace(_ b: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < b.count, b[i].isXMLSpace { i += 1 }
        return i
    }

    private static func lowercased(_ b: [UInt8], from: Int, count: Int) -> String {
        String(decoding: b[from..<min(b.count, from + count)], as: UTF8.self).lowercased()
    }

    private static func find(_ b: [UInt8], _ needle: String, from: Int) -> Int? {
        let n = Array(needle.utf8)
        guard b.count >= n.count, from <= b.count - n.count else { return nil }
        return (from...(b.count - n.count)).first { Array(b[$0..<$0 + n.count]) == n }
    }
}
