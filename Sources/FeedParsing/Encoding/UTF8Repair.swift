/// Valid UTF-8 passes through untouched; every byte that is not part of a valid sequence is read as
/// windows-1252. One rule covers both real-world cases: Latin-1 feeds that declare nothing (libxml2 would stop
/// at the first "é") and UTF-8 feeds with a few stray cp1252 bytes pasted in (recovery/mixed-utf8-cp1252.xml,
/// encodings/windows-1252-undeclared.xml).
enum UTF8Repair {
    /// The bytes as valid UTF-8, and how many were read as windows-1252.
    static func repaired(_ input: UnsafeRawBufferPointer) -> (bytes: [UInt8], repaired: Int) {
        let bytes = input.bindMemory(to: UInt8.self)
        // The usual case: valid as it is, checked by the standard library's validator.
        if (try? UTF8Span(validating: bytes.span)) != nil { return (Array(bytes), 0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var repaired = 0
        var i = 0
        while i < bytes.count {
            let length = validLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            } else {
                Windows1252.appendUTF8(of: bytes[i], to: &out)
                repaired += 1
                i += 1
            }
        }
        return (out, repaired)
    }

    /// The length of the valid sequence at `i` (no overlongs, surrogates or values past U+10FFFF), or 0.
    private static func validLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        let need: Int
        switch b0 {
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return 0
        }
        guard i + need <= p.count else { return 0 }
        let b1 = p[i + 1]
        switch b0 {
        case 0xE0: guard b1 >= 0xA0 && b1 <= 0xBF else { return 0 }
        case 0xED: guard b1 >= 0x80 && b1 <= 0x9F else { return 0 }
        case 0xF0: guard b1 >= 0x90 && b1 <= 0xBF else { return 0 }
        case 0xF4: guard b1 >= 0x80 && b1 <= 0x8F else { return 0 }
        default: guard b1 & 0xC0 == 0x80 else { return 0 }
        }
        for k in 2..<need where p[i + k] & 0xC0 != 0x80 { return 0 }
        return need
    }
}
