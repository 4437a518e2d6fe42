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
            let stops = Self.stops[state.rawValue]
            while i < p.count, !stops[Int(p[i])] { i += 1 }
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

    /// For each state, the bytes the loop must look at: the others are copied in runs.
    private static let stops: [[Bool]] = ["&<", "]", "-", "?"].map { (special: String) -> [Bool] in
        (0..<256).map { (byte: Int) -> Bool in
            let isControl = byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
            return isControl || special.utf8.contains(UInt8(byte))
        }
    }
}
