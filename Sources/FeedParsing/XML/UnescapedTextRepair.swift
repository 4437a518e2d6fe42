import Foundation

/// Escapes a raw "&" that does not start a reference ("Q&A", "Ponts & Chaussées") as "&amp;", and a raw "<"
/// that cannot start markup ("un < deux", "x<3") as "&lt;", before libxml2 sees them: its recovery drops
/// "&A" from "Q&A", and its push parser stops for good at "< ". CDATA sections, comments and processing
/// instructions are left alone, since both are legal there. Works on a UTF-8 stream, chunk by chunk, without
/// copying: only a reference cut by a chunk boundary (at most a few dozen bytes) is held back.
/// Given a `CDataSideline`, it also moves long CDATA sections inside the document around libxml2.
struct UnescapedTextRepair {
    /// What becomes of a CDATA section's content.
    private enum CDataRoute {
        /// Left in the stream.
        case kept
        /// Undecided: the content so far starts at `segmentStart` in this chunk.
        case open
        /// Going to the sideline: the content from `segmentStart` on is not yet appended.
        case sidelined
    }

    private enum State {
        case text
        /// After "<": how many bytes of "<!--", "<![CDATA[" or "<?" matched so far.
        case markupStart(Int)
        /// "]" seen at the end so far (0–2), and where the content goes.
        case cdata(Int, CDataRoute)
        case comment(Int)
        case processingInstruction(Bool)
        /// After "&": bytes read, and whether it is a numeric (#, #x) reference.
        case reference(Int, numeric: Bool, hex: Bool)
    }

    private var state = State.text
    /// The bytes of an undecided reference the previous chunk ended in.
    private var carry: [UInt8] = []
    private(set) var repairedCount = 0
    private var sideline: CDataSideline?
    /// Sections are sidelined only inside the document: not before its root element (where libxml2 would
    /// complain of them, and not of a marker), nor in a DOCTYPE (whose entities may repeat them).
    private var insideDocument = false
    private var sawDoctype = false
    private static let escape: [UInt8] = Array("amp;".utf8)
    private static let lessThan: [UInt8] = Array("&lt;".utf8)
    private static let cdataOpen: [UInt8] = Array("<![CDATA[".utf8)
    private static let commentOpen: [UInt8] = Array("<!--".utf8)
    private static let longestName = 40

    init(sideline: CDataSideline? = nil) {
        self.sideline = sideline
    }

    mutating func process(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Void,
                          sidelined: (SidelinedCDATA) -> Void = { _ in }) {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return }
        let n = input.count
        var segmentStart = 0
        var i = 0
        while i < n {
            let b = base[i]
            switch state {
            case .text:
                // Tight scan to the next byte that matters: this state and CDATA hold nearly all the bytes.
                if b != UInt8(ascii: "&") && b != UInt8(ascii: "<") {
                    i = Self.nextAmpersandOrLessThan(base, from: i + 1, count: n)
                    continue
                }
                if b == UInt8(ascii: "&") {
                    sink(UnsafeRawBufferPointer(start: base + segmentStart, count: i + 1 - segmentStart))
                    segmentStart = i + 1
                    state = .reference(0, numeric: false, hex: false)
                } else if b == UInt8(ascii: "<") {
                    sink(UnsafeRawBufferPointer(start: base + segmentStart, count: i - segmentStart))
                    segmentStart = i
                    state = .markupStart(1)
                }
                i += 1
            case .markupStart(let matched):
                if matched == 1 {
                    // Only a name, "/", "!" or "?" can follow a "<" that starts markup.
                    let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
                    let startsMarkup = isLetter || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
                        || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                    if isLetter || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80 { insideDocument = true }
                    if !startsMarkup {
                        repairedCount += 1
                        Self.lessThan.withUnsafeBytes(sink)
                        carry.removeAll(keepingCapacity: true)
                        if segmentStart == i - 1 { segmentStart = i } // the "<" was in this chunk: skip it
                        state = .text
                        continue
                    }
                    if !carry.isEmpty {
                        carry.withUnsafeBytes(sink)
                        carry.removeAll(keepingCapacity: true)
                    }
                }
                if matched == 2 && b == UInt8(ascii: "D") { sawDoctype = true }
                if matched == 1 && b == UInt8(ascii: "?") {
                    state = .processingInstruction(false)
                } else if matched + 1 == Self.cdataOpen.count && b == Self.cdataOpen[matched] {
                    if sideline != nil, insideDocument, !sawDoctype {
                        sink(UnsafeRawBufferPointer(start: base + segmentStart, count: i + 1 - segmentStart))
                        segmentStart = i + 1
                        state = .cdata(0, .open)
                    } else {
                        state = .cdata(0, .kept)
                    }
                } else if matched < Self.cdataOpen.count && b == Self.cdataOpen[matched] {
                    state = .markupStart(matched + 1)
                } else if matched < Self.commentOpen.count && b == Self.commentOpen[matched] {
                    state = matched + 1 == Self.commentOpen.count ? .comment(0) : .markupStart(matched + 1)
                } else {
                    state = .text
                    continue // look at this byte again as text
                }
                i += 1
            case .cdata(let brackets, let route):
                if brackets == 0 && b != UInt8(ascii: "]") {
                    guard let bracket = memchr(base + i, Int32(UInt8(ascii: "]")), n - i) else { i = n; continue }
                    i = base.distance(to: bracket.assumingMemoryBound(to: UInt8.self))
                    continue
                }
                if b == UInt8(ascii: "]") {
                    state = .cdata(min(brackets + 1, 2), route)
                } else if b == UInt8(ascii: ">") && brackets == 2 {
                    state = .text
                    // The content ends before "]]", which may have begun in the previous chunk.
                    let end = i - 2
                    // A short section stays, unless it holds a control character: libxml2 gives up on the
                    // whole document at one of those in CDATA (and on the rest of its items).
                    if route == .open, let sideline, end - segmentStart < sideline.shortest,
                       !Self.hasControlCharacter(base + segmentStart, count: end - segmentStart) {
                        i += 1
                        continue
                    }
                    if route != .kept {
                        if end >= segmentStart {
                            sideline?.append(UnsafeBufferPointer(start: base + segmentStart, count: end - segmentStart))
                        } else {
                            sideline?.dropLast(segmentStart - end)
                        }
                        sideline?.close(sink: sink, sidelined: sidelined)
                        segmentStart = i + 1
                    }
                } else {
                    state = .cdata(0, route)
                }
                i += 1
            case .comment(let dashes):
                if b == UInt8(ascii: "-") {
                    state = .comment(min(dashes + 1, 2))
                } else {
                    state = b == UInt8(ascii: ">") && dashes == 2 ? .text : .comment(0)
                }
                i += 1
            case .processingInstruction(let question):
                state = b == UInt8(ascii: ">") && question ? .text : .processingInstruction(b == UInt8(ascii: "?"))
                i += 1
            case .reference(let count, let numeric, let hex):
                switch Self.referenceStep(b, count: count, numeric: numeric, hex: hex) {
                case .more(let numeric, let hex):
                    state = .reference(count + 1, numeric: numeric, hex: hex)
                    i += 1
                case .valid:
                    flushCarry(raw: false, sink: sink)
                    state = .text
                    i += 1
                case .raw:
                    flushCarry(raw: true, sink: sink)
                    state = .text
                    // this byte may itself be "<" or "&"
                }
            }
        }
        if case .cdata(let brackets, let route) = state, route != .kept {
            // A section that goes on into the next chunk is sidelined, whatever its length, up to a limit.
            sideline?.append(UnsafeBufferPointer(start: base + segmentStart, count: n - segmentStart))
            if sideline?.isTooLong == true {
                sideline?.giveBack(sink: sink)
                state = .cdata(brackets, .kept)
            } else {
                state = .cdata(brackets, .sidelined)
            }
        } else if case .reference = state {
            carry.append(contentsOf: UnsafeBufferPointer(start: base + segmentStart, count: n - segmentStart))
        } else if case .markupStart(1) = state {
            carry.append(contentsOf: UnsafeBufferPointer(start: base + segmentStart, count: n - segmentStart))
        } else {
            sink(UnsafeRawBufferPointer(start: base + segmentStart, count: n - segmentStart))
        }
    }

    /// End of input: an undecided reference was a raw "&"; a sidelined section cut short is kept as it is.
    mutating func finish(sink: (UnsafeRawBufferPointer) -> Void, sidelined: (SidelinedCDATA) -> Void = { _ in }) {
        if case .reference = state { flushCarry(raw: true, sink: sink) }
        if case .cdata(_, let route) = state, route != .kept { sideline?.close(sink: sink, sidelined: sidelined) }
        if case .markupStart(1) = state {
            repairedCount += 1
            Self.lessThan.withUnsafeBytes(sink)
            carry.removeAll()
        }
        state = .text
    }

    private mutating func flushCarry(raw: Bool, sink: (UnsafeRawBufferPointer) -> Void) {
        if raw {
            repairedCount += 1
            Self.escape.withUnsafeBytes(sink)
        }
        if !carry.isEmpty {
            carry.withUnsafeBytes(sink)
            carry.removeAll(keepingCapacity: true)
        }
    }

    /// A C0 control other than tab, line feed and carriage return: not an XML character.
    private static func hasControlCharacter(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        for offset in 0..<count where p[offset] < 0x20 && p[offset] != 0x09 && p[offset] != 0x0A && p[offset] != 0x0D {
            return true
        }
        return false
    }

    /// Where the next "&" or "<" is (or `n`), eight bytes at a time.
    @inline(__always)
    private static func nextAmpersandOrLessThan(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        while i + 8 <= n {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let found = zeroBytes(word ^ 0x2626_2626_2626_2626) | zeroBytes(word ^ 0x3C3C_3C3C_3C3C_3C3C)
            // Little-endian: the lowest flagged byte comes first.
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n, p[i] != UInt8(ascii: "&"), p[i] != UInt8(ascii: "<") { i += 1 }
        return i
    }

    /// 0x80 in every byte of `x` that is zero, and nowhere else (no borrow crosses bytes).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    private enum Step { case more(numeric: Bool, hex: Bool), valid, raw }

    @inline(__always)
    private static func referenceStep(_ b: UInt8, count: Int, numeric: Bool, hex: Bool) -> Step {
        if count > longestName { return .raw }
        let isDigit = b >= 0x30 && b <= 0x39
        let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
        if count == 0 {
            if b == UInt8(ascii: "#") { return .more(numeric: true, hex: false) }
            return isLetter || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80 ? .more(numeric: false, hex: false) : .raw
        }
        if b == UInt8(ascii: ";") {
            // "&#;" and "&#x;" have no digits
            return numeric && (count == 1 || (hex && count == 2)) ? .raw : .valid
        }
        if numeric {
            if count == 1 && (b == UInt8(ascii: "x") || b == UInt8(ascii: "X")) { return .more(numeric: true, hex: true) }
            let isHexLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66
            return isDigit || (hex && isHexLetter) ? .more(numeric: true, hex: hex) : .raw
        }
        let isNameChar = isLetter || isDigit || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b >= 0x80
        return isNameChar ? .more(numeric: false, hex: false) : .raw
    }
}
