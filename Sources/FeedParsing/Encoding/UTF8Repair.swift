/// Passes valid UTF-8 through untouched and reads every byte that is not part of a valid sequence as
/// windows-1252. One rule covers both real-world cases: Latin-1 feeds that declare nothing (libxml2 would
/// stop at the first "é") and UTF-8 feeds with a few stray cp1252 bytes pasted in.
/// Works chunk by chunk: a sequence cut by a chunk boundary waits for the next chunk.
struct UTF8Repair {
    /// The start of a multi-byte sequence the previous chunk ended in.
    private var carry: [UInt8] = []
    private var scratch: [UInt8] = []
    /// How many bytes were read as windows-1252.
    private(set) var repairedBytes = 0

    mutating func process(_ input: UnsafeRawBufferPointer, final: Bool, sink: (UnsafeRawBufferPointer) -> Void) {
        let n = input.count
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            if final { flushCarry(sink: sink) }
            return
        }
        var i = 0
        if !carry.isEmpty {
            let need = Self.sequenceLength(carry[0])
            while carry.count < need, i < n, base[i] & 0xC0 == 0x80 { carry.append(base[i]); i += 1 }
            if carry.count < need, i == n, !final { return }
            let complete = carry.count == need && carry.withUnsafeBufferPointer { Self.validLength(at: 0, in: $0.baseAddress!, count: need) == need }
            if complete {
                carry.withUnsafeBytes(sink)
                carry.removeAll()
            } else {
                flushCarry(sink: sink)
            }
        }
        var segmentStart = i
        while i < n {
            // Eight bytes at a time to the next non-ASCII byte (little-endian: the lowest set bit is the first).
            while i + 8 <= n {
                let high = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 { i += 8; continue }
                i += high.trailingZeroBitCount >> 3
                break
            }
            guard i < n else { break }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            // The usual accented letter: a two-byte sequence.
            if b >= 0xC2, b <= 0xDF, i + 1 < n, base[i + 1] & 0xC0 == 0x80 { i += 2; continue }
            // Typographic punctuation (’ « … —): three bytes, lead E1–EC.
            if b >= 0xE1, b <= 0xEC, i + 2 < n, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 { i += 3; continue }
            let need = Self.sequenceLength(b)
            if need > 0, i + need > n, !final {
                // Possibly cut by the boundary: keep what we have if it is a valid beginning.
                if Self.validPrefix(at: i, in: base, count: n) {
                    sink(UnsafeRawBufferPointer(start: base + segmentStart, count: i - segmentStart))
                    carry = Array(UnsafeBufferPointer(start: base + i, count: n - i))
                    return
                }
            }
            let length = need > 0 && i + need <= n ? Self.validLength(at: i, in: base, count: need) : 0
            if length > 0 {
                i += length
                continue
            }
            sink(UnsafeRawBufferPointer(start: base + segmentStart, count: i - segmentStart))
            scratch.removeAll(keepingCapacity: true)
            Windows1252.appendUTF8(of: b, to: &scratch)
            scratch.withUnsafeBytes(sink)
            repairedBytes += 1
            i += 1
            segmentStart = i
        }
        sink(UnsafeRawBufferPointer(start: base + segmentStart, count: n - segmentStart))
    }

    private mutating func flushCarry(sink: (UnsafeRawBufferPointer) -> Void) {
        guard !carry.isEmpty else { return }
        scratch.removeAll(keepingCapacity: true)
        for byte in carry { Windows1252.appendUTF8(of: byte, to: &scratch) }
        repairedBytes += carry.count
        carry.removeAll()
        scratch.withUnsafeBytes(sink)
    }

    /// 2, 3 or 4 for a lead byte, 0 for a byte that cannot start a sequence.
    @inline(__always)
    private static func sequenceLength(_ b: UInt8) -> Int {
        switch b {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// `need` when the sequence at `i` is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF), else 0.
    @inline(__always)
    private static func validLength(at i: Int, in p: UnsafePointer<UInt8>, count need: Int) -> Int {
        let b0 = p[i]
        let b1 = p[i + 1]
        switch b0 {
        case 0xE0: guard b1 >= 0xA0 && b1 <= 0xBF else { return 0 }
        case 0xED: guard b1 >= 0x80 && b1 <= 0x9F else { return 0 }
        case 0xF0: guard b1 >= 0x90 && b1 <= 0xBF else { return 0 }
        case 0xF4: guard b1 >= 0x80 && b1 <= 0x8F else { return 0 }
        default: guard b1 & 0xC0 == 0x80 else { return 0 }
        }
        for k in 2..<max(need, 2) where p[i + k] & 0xC0 != 0x80 { return 0 }
        return need
    }

    /// Whether the bytes from `i` to the end could begin a valid sequence.
    private static func validPrefix(at i: Int, in p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        for k in (i + 1)..<n where p[k] & 0xC0 != 0x80 { return false }
        return true
    }
}
