import CLibXML2
import Foundation

/// Hand-edited OPML files break in two ways that libxml2's recovery handles badly: a raw `&` in a URL
/// (`?a=1&b=2`, which recovery turns into `?a=1=2`) and a raw control byte (which loses the whole outline).
/// HTML entities (`&eacute;`) are dropped too, as XML does not know them. This pass fixes the bytes first.
extension OPMLDocument {
    static func repairedMarkup(_ data: Data) -> Data {
        // Byte repairs are only safe in an ASCII-compatible encoding; UTF-16 files go through untouched.
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE])
            || data.starts(with: [0x00, 0x3C]) || data.starts(with: [0x3C, 0x00]) {
            return data
        }
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            let reference = referenceLength(in: bytes, at: index)
            if reference == 0 {
                output += Array("&amp;".utf8)
                index += 1
            } else {
                output += resolved(Array(bytes[(index + 1)..<(index + reference - 1)]))
                    ?? Array(bytes[index..<(index + reference)])
                index += reference
            }
        }
        return Data(output)
    }

    /// The length of `&name;`, `&#123;` or `&#x1F;` starting at `start`, or 0 when it is a bare `&`.
    private static func referenceLength(in bytes: [UInt8], at start: Int) -> Int {
        var index = start + 1
        let limit = min(bytes.count, start + 40)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return FeedDate.isDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
        }
        if index < limit, bytes[index] == UInt8(ascii: "#") {
            index += 1
            if index < limit, bytes[index] | 0x20 == UInt8(ascii: "x") { index += 1 }
        } else if index >= limit || !isAlphanumeric(bytes[index]) || FeedDate.isDigit(bytes[index]) {
            return 0
        }
        let nameStart = index
        while index < limit, isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "_")
            || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".") {
            index += 1
        }
        guard index > nameStart, index < limit, bytes[index] == UInt8(ascii: ";") else { return 0 }
        return index - start + 1
    }

    /// An HTML entity name as a numeric reference XML understands; nil leaves the reference as written
    /// (numeric ones, the five XML ones, and names an internal DTD may define).
    private static func resolved(_ name: [UInt8]) -> [UInt8]? {
        guard name.first != UInt8(ascii: "#") else { return nil }
        let text = String(decoding: name, as: UTF8.self)
        guard !["amp", "lt", "gt", "quot", "apos"].contains(text) else { return nil }
        let entity = text.withCString { htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let entity else { return nil }
        return Array("&#\(entity.pointee.value);".utf8)
    }
}
