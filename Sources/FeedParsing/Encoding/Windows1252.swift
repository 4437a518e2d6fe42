/// windows-1252 → UTF-8. Also what ISO-8859-1 feeds really mean: their 0x80–0x9F bytes are
/// cp1252 punctuation (’ “ ” € …), as every browser reads them.
enum Windows1252 {
    /// Unicode values of 0x80–0x9F; the five unassigned bytes become U+FFFD.
    private static let high: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 form of one windows-1252 byte.
    @inline(__always)
    static func appendUTF8(of byte: UInt8, to out: inout [UInt8]) {
        if byte < 0x80 {
            out.append(byte)
        } else if byte >= 0xA0 {
            out.append(0xC0 | (byte >> 6))
            out.append(0x80 | (byte & 0x3F))
        } else {
            let v = high[Int(byte - 0x80)]
            if v < 0x800 {
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
    }

    /// Transcodes a whole chunk (single-byte, so chunk boundaries never split a character).
    static func transcode(_ input: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(input.count + input.count / 8)
        for byte in input {
            appendUTF8(of: byte, to: &out)
        }
    }
}
