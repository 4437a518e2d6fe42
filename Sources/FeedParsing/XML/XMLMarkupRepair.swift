import TextSafety

/// Fixes, in one pass over a UTF-8 document, what feeds get wrong and libxml2's recovery handles badly:
/// - a raw "&" that starts no reference ("Q&A", "Ponts & Chaussées") becomes "&amp;": libxml2 would drop "&A"
///   (recovery/raw-ampersand.xml);
/// - a raw "<" that cannot start markup ("un < deux", "x<3") becomes "&lt;": libxml2 stops for good at "< ";
/// - named references become numeric ones ("&eacute;" → "&#233;", "&amp;" → "&#38;"): XML knows only five
///   names where feeds use HTML's (recovery/html-entities.xml), and libxml2 then needs no entity of ours;
/// - C0 control characters other than tab and line breaks are dropped: they are not XML characters, and
///   libxml2 gives up on the rest of the document at one (even inside CDATA).
/// CDATA sections, comments and processing instructions are otherwise copied as they are, and a section cut by
/// the end of input is closed. Line breaks are never added or removed, so libxml2's line numbers stay the feed's.
struct XMLMarkupRepair {
    private(set) var output: [UInt8] = []
    /// How many raw "&" and "<" were kept as text.
    private(set) var strayMarkup = 0

    private enum State: Int { case text, cdata, comment, processingInstruction }

    init(_ input: [UInt8]) {
        output.reserveCapacity(input.count + input.count / 32)
        input.withUnsafeBufferPointer { repair($0) }
    }

    private mutating func repair(_ p: UnsafeBufferPointer<UInt8>) {
        var state = State.text
        var i = 0
        var run = 0 // the start of the bytes not yet copied
        while i < p.count {
            let (special, other) = Self.specials[state.rawValue]
            i = Self.nextStop(p, from: i, special, other)
            guard i < p.count else { break }
            let b = p[i]
            if b < 0x20 { // a control character: dropped
                copy(p, run..<i)
                i += 1
                run = i
                continue
            }
            switch state {
            case .text where b == UInt8(ascii: "&"):
                copy(p, run..<i)
                i = reference(p, at: i)
                run = i
            case .text: // "<"
                let next: UInt8 = i + 1 < p.count ? p[i + 1] : 0
                if Self.startsMarkup(next) {
                    if has(p, "<![CDATA[", at: i) { state = .cdata; i += 9; continue }
                    if has(p, "<!--", at: i) { state = .comment; i += 4; continue }
                    if next == UInt8(ascii: "?") { state = .processingInstruction; i += 2; continue }
                    i += 1
                } else {
                    copy(p, run..<i)
                    output += Array("&lt;".utf8)
                    strayMarkup += 1
                    i += 1
                    run = i
                }
            case .cdata:
                if has(p, "]]>", at: i) { state = .text; i += 3 } else { i += 1 }
            case .comment:
                if has(p, "-->", at: i) { state = .text; i += 3 } else { i += 1 }
            case .processingInstruction:
                if has(p, "?>", at: i) { state = .text; i += 2 } else { i += 1 }
            }
        }
        copy(p, run..<p.count)
        // A feed cut inside a CDATA section (a truncated download) keeps what came of it: libxml2 would drop it all.
        if state == .cdata { output += Array("]]>".utf8) }
    }

    /// Copies the reference at `i` (an "&") as libxml2 should read it; returns where the input goes on.
    private mutating func reference(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var end = i + 1
        let limit = min(p.count, i + 2 + Self.longestName)
        if end < limit, p[end] == UInt8(ascii: "#") {
            // "&#233;" or "&#xE9;": kept as written when it has digits and its ";".
            end += 1
            let hex = end < limit && (p[end] | 0x20) == UInt8(ascii: "x")
            if hex { end += 1 }
            let digitsStart = end
            while end < limit, Self.isDigit(p[end], hex: hex) { end += 1 }
            if end > digitsStart, end < limit, p[end] == UInt8(ascii: ";") {
                copy(p, i..<(end + 1))
                return end + 1
            }
        } else if end < limit, Self.startsName(p[end]) {
            while end < limit, Self.continuesName(p[end]) { end += 1 }
            if end < limit, p[end] == UInt8(ascii: ";") {
                let name = UnsafeBufferPointer(rebasing: p[(i + 1)..<end])
                if let value = Self.namedValue(name) {
                    output += Array("&#\(value);".utf8)
                } else {
                    copy(p, i..<(end + 1)) // an entity the document may declare: libxml2 decides
                }
                return end + 1
            }
        }
        output += Array("&amp;".utf8)
        strayMarkup += 1
        return i + 1
    }

    /// The character an XML or HTML entity name stands for.
    private static func namedValue(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        HTMLEntities.value(named: String(decoding: name, as: UTF8.self))
    }

    private mutating func copy(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if !range.isEmpty { output.append(contentsOf: UnsafeBufferPointer(rebasing: p[range])) }
    }

    private func has(_ p: UnsafeBufferPointer<UInt8>, _ text: StaticString, at i: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= p.count else { return false }
        return (0..<count).allSatisfy { p[i + $0] == text.utf8Start[$0] }
    }

    private static let longestName = 40

    /// Only a name, "/", "!" or "?" can follow a "<" that starts markup.
    private static func startsMarkup(_ b: UInt8) -> Bool {
        startsName(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    private static func startsName(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }

    private static func continuesName(_ b: UInt8) -> Bool {
        startsName(b) || isDigit(b, hex: false) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66)
    }

    /// The bytes each state looks for besides control characters: "&" and "<" in text, "]" in CDATA, "-" in
    /// comments, "?" in processing instructions.
    private static let specials: [(UInt8, UInt8)] = [(0x26, 0x3C), (0x5D, 0x5D), (0x2D, 0x2D), (0x3F, 0x3F)]

    /// Where the next byte to look at is (or the end): `a`, `b`, or a control character other than tab and line
    /// breaks. Eight bytes at a time while a word holds none of them and no byte below 0x20: the repair is one
    /// pass over every byte of every feed, and byte by byte it cost 10 instructions a byte, a seventh of a parse.
    private static func nextStop(_ p: UnsafeBufferPointer<UInt8>, from start: Int, _ a: UInt8, _ b: UInt8) -> Int {
        guard let base = p.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let allA = UInt64(a) &* 0x0101_0101_0101_0101
        let allB = UInt64(b) &* 0x0101_0101_0101_0101
        var i = start
        while i < p.count {
            while i + 8 <= p.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasZeroByte(word ^ allA) | hasZeroByte(word ^ allB) | hasByteBelowSpace(word) != 0 { break }
                i += 8
            }
            let end = min(i + 8, p.count)
            while i < end {
                let c = p[i]
                if c == a || c == b || (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) { return i }
                i += 1
            }
        }
        return p.count
    }

    /// Not zero when some byte of `x` is zero ("haszero", from the Bit Twiddling Hacks).
    private static func hasZeroByte(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Not zero when some byte of `x` is below 0x20 ("hasless").
    private static func hasByteBelowSpace(_ x: UInt64) -> UInt64 {
        (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080
    }
}
