import FeedModel
import Foundation

/// The status and header fields of one HTTP response, built from the lines libcurl's header callback hands over.
/// Everything in it comes from the server: lookups are case-insensitive, values are trimmed, nothing is trusted.
struct ResponseHead: Sendable, Hashable {
    private(set) var status = 0
    /// Names lowercased, in arrival order.
    private(set) var fields: [Field] = []

    struct Field: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// One header line, line break included. A status line starts the head afresh, so the fields of a
    /// `100 Continue` or of a proxy's answer never mix with the response's own.
    mutating func add(line bytes: UnsafeRawBufferPointer) {
        // The line break is cut from the bytes: removing it from the String rebuilt the String (11,000 instructions).
        var count = bytes.count
        while count > 0, bytes[count - 1] == UInt8(ascii: "\r") || bytes[count - 1] == UInt8(ascii: "\n") { count -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
            fields = []
        } else if let first = line.unicodeScalars.first, first == " " || first == "\t" {
            // An obsolete folded continuation of the previous field.
            guard !fields.isEmpty else { return }
            fields[fields.count - 1].value += " " + line.trimmingSpaces
        } else if let colon = line.firstIndex(of: ":") {
            // HTTP's white space is spaces and tabs; Foundation's `trimmingCharacters(in: .whitespaces)` cost 19,000
            // instructions a line here, most of a warm reload's header reading.
            fields.append(Field(name: line[..<colon].lowercased(), value: line[line.index(after: colon)...].trimmingSpaces))
        }
    }

    /// The first field named `name`, whatever its case.
    func value(_ name: String) -> String? {
        let name = name.lowercased()
        return fields.first { $0.name == name }?.value
    }

    /// `Content-Length` when it is a plain number (it is the encoded size under `Content-Encoding`).
    var contentLength: Int? { value("Content-Length").flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } }
}
