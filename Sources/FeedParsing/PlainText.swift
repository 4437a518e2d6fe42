import CLibXML2
import Foundation

/// Turns feed text into one safe line of plain text: entities decoded, markup removed, white space collapsed,
/// and C0/C1 control characters and bidi overrides removed. Everything from a feed is hostile: this is what
/// keeps it from steering a terminal.
public enum PlainText {
    /// Text that may carry HTML markup and entities (RSS titles, Atom type="html").
    public static func fromHTML(_ html: String) -> String? {
        collapse(decodeEntities(stripTags(html)))
    }

    /// Text known to be plain (Atom type="text", JSON Feed): nothing is taken for markup.
    public static func fromText(_ text: String) -> String? {
        collapse(text)
    }

    /// Removes control characters (keeping none, not even newlines) and bidi overrides; nothing else changes.
    public static func sanitized(_ text: String) -> String {
        filtered(text, collapsing: false) ?? ""
    }

    /// Without leading and trailing ASCII white space; nil when nothing is left. (Foundation's
    /// trimmingCharacters goes through UTF-16 and is far slower.)
    static func trimmed(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isASCIISpace($0) }) else { return nil }
        let last = utf8.lastIndex(where: { !isASCIISpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return text }
        return String(text[first...last])
    }

    /// Whether the UTF-8 form holds `byte`, by memchr (the generic `utf8.contains` steps an index per byte).
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// C0, DEL, C1, the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the bidi
    /// marks (U+200E, U+200F, U+061C), as OPML text drops them too.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Drops `<tag …>`, comments, and the contents of script and style. A "<" not followed by a letter,
    /// "/", "!" or "?" is text ("a < b").
    static func stripTags(_ html: String) -> String {
        guard contains(html, UInt8(ascii: "<")) else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "<"), i + 1 < bytes.count, startsMarkup(bytes[i + 1]) else {
                out.append(b)
                i += 1
                continue
            }
            if hasPrefix(bytes, at: i, "<!--") {
                i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            let tagEnd = find(bytes, ">", from: i + 1).map { $0 + 1 } ?? bytes.count
            let name = tagName(bytes, from: bytes[i + 1] == UInt8(ascii: "/") ? i + 2 : i + 1)
            i = tagEnd
            if name == "script" || name == "style" {
                i = findCaseInsensitive(bytes, "</" + name, from: i).flatMap { find(bytes, ">", from: $0) }.map { $0 + 1 } ?? bytes.count
            }
            // Block-level tags separate words ("<p>un</p><p>deux</p>" is "un deux"); inline ones do not ("<b>É</b>té").
            if blockElements.contains(name) { out.append(UInt8(ascii: " ")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&amp;`, `&eacute;`, `&#233;`, `&#xE9;`; unknown references stay as written.
    static func decodeEntities(_ text: String) -> String {
        guard contains(text, UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            let limit = rest.index(afterAmp, offsetBy: 32, limitedBy: rest.endIndex) ?? rest.endIndex
            if let semi = rest[afterAmp..<limit].firstIndex(of: ";"), let scalar = entityScalar(rest[afterAmp..<semi]) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest[afterAmp...]
            }
        }
        out += rest
        return out
    }

    static func entityScalar(_ name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard let entity = String(name).withCString({ htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }) else { return nil }
            return Unicode.Scalar(entity.pointee.value)
        }
    }

    /// Collapses runs of white space (and drops unsafe characters) to one space; nil when nothing is left.
    /// No-break spaces stay: French typography needs them before « : ; ! ? ».
    static func collapse(_ text: String) -> String? {
        filtered(text, collapsing: true)
    }

    /// The one pass behind `collapse` and `sanitized`, over UTF-8 bytes (per-scalar String building costs
    /// more than parsing the XML). Drops what `isUnsafe` names; with `collapsing`, white space (ASCII,
    /// U+2028, U+2029) runs become one space and the ends are trimmed.
    private static func filtered(_ text: String, collapsing: Bool) -> String? {
        var storage = text
        let (result, unchanged) = storage.withUTF8 { bytes -> (String?, Bool) in
            if isClean(bytes, collapsing: collapsing) { return (nil, true) }
            let n = bytes.count
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var pendingSpace = false
            var i = 0
            while i < n {
                let b = bytes[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                    if collapsing { pendingSpace = !out.isEmpty } else if b == 0x20 { out.append(b) }
                    i += 1
                    continue
                }
                if b < 0x20 || b == 0x7F { i += 1; continue }
                if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { i += 2; continue } // C1
                if b == 0xD8, i + 1 < n, bytes[i + 1] == 0x9C { i += 2; continue } // U+061C
                if b == 0xE2, i + 2 < n {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0x80, (0xAA...0xAE).contains(b2) || b2 == 0x8E || b2 == 0x8F { i += 3; continue } // U+202A–E, U+200E–F
                    if b1 == 0x81, (0xA6...0xA9).contains(b2) { i += 3; continue } // U+2066–9
                    if collapsing, b1 == 0x80, b2 == 0xA8 || b2 == 0xA9 { pendingSpace = !out.isEmpty; i += 3; continue } // U+2028–9
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(b)
                i += 1
            }
            if out.isEmpty { return (nil, false) }
            let same = out.count == n && out.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, n) == 0 }
            return same ? (nil, true) : (String(decoding: out, as: UTF8.self), false)
        }
        return unchanged ? text : result
    }

    /// Whether `filtered` would give the bytes back as they are, checked without copying: most titles are.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, collapsing: Bool) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        if collapsing, bytes[0] == 0x20 || bytes[n - 1] == 0x20 { return false }
        var previous: UInt8 = 0
        for i in 0..<n {
            let b = bytes[i]
            switch b {
            case 0..<0x20, 0x7F: return false
            case 0x20: if collapsing && previous == 0x20 { return false }
            case 0xC2: if i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { return false }
            case 0xD8: if i + 1 < n, bytes[i + 1] == 0x9C { return false }
            case 0xE2 where i + 2 < n:
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if b1 == 0x80, (0xAA...0xAE).contains(b2) || b2 == 0x8E || b2 == 0x8F { return false }
                if b1 == 0x81, (0xA6...0xA9).contains(b2) { return false }
                if collapsing, b1 == 0x80, b2 == 0xA8 || b2 == 0xA9 { return false }
            default: break
            }
            previous = b
        }
        return true
    }

    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "blockquote",
        "pre", "section", "article", "header", "footer", "hr", "dd", "dt", "dl", "figure", "figcaption", "img", "",
    ]

    private static func startsMarkup(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    private static func tagName(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, (bytes[end] >= 0x41 && bytes[end] <= 0x5A) || (bytes[end] >= 0x61 && bytes[end] <= 0x7A) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) {
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    private static func hasPrefix(_ bytes: [UInt8], at i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return i + p.count <= bytes.count && Array(bytes[i..<i + p.count]) == p
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let n = Array(needle.utf8)
        guard start <= bytes.count - n.count else { return nil }
        for i in start...(bytes.count - n.count) where bytes[i] == n[0] && Array(bytes[i..<i + n.count]) == n {
            return i
        }
        return nil
    }

    private static func findCaseInsensitive(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let lowered = bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }
        return find(lowered, needle, from: start)
    }
}
