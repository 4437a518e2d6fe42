import Foundation

/// Valid UTF-8 passes through untouched; every byte that is not part of a valid sequence is read as
/// windows-1252. One rule covers both real-world cases: Latin-1 feeds that declare nothing (libxml2 would stop
/// at the first "é") and UTF-8 feeds with a few stray cp1252 bytes pasted in (recovery/mixed-utf8-cp1252.xml,
/// encodings/windows-1252-undeclared.xml). The standard library's validator says where the bad bytes are.
public enum UTF8Repair {
    /// The bytes as valid UTF-8, and how many were read as windows-1252.
    static func repaired(_ input: UnsafeRawBufferPointer) -> (bytes: [UInt8], repaired: Int) {
        let bytes = input.bindMemory(to: UInt8.self)
        var out: [UInt8] = []
        var repaired = 0
        var start = 0
        while true {
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            do {
                _ = try UTF8Span(validating: rest.span)
                if start == 0 { return (Array(bytes), 0) }
                out.append(contentsOf: rest)
                return (out, repaired)
            } catch {
                if out.isEmpty { out.reserveCapacity(bytes.count + bytes.count / 8) }
                let bad = error.byteOffsets
                out.append(contentsOf: rest[..<bad.lowerBound])
                for byte in rest[bad] { Windows1252.appendUTF8(of: byte, to: &out) }
                repaired += bad.count
                start += bad.upperBound
            }
        }
    }

    /// A text file's bytes as a String: UTF-8, with every byte that is not read as windows-1252 (old feeds
    /// lists, OPML exports and web pages written in Latin-1).
    public static func text(_ data: Data) -> String {
        let bytes = data.withUnsafeBytes { repaired($0).bytes }
        return String(decoding: bytes, as: UTF8.self)
    }
}
