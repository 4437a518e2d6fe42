import Foundation
import CLibXML2

/// Which bytes-to-text reading a document gets, chosen in this order: byte-order mark, the XML declaration,
/// the HTTP charset, then UTF-8 (with stray bytes read as windows-1252).
enum InputEncoding: Equatable {
    /// UTF-8; invalid bytes are read as windows-1252 (`UTF8Repair`).
    case utf8
    /// Declared ISO-8859-1, US-ASCII or windows-1252: transcoded here, read as cp1252 like browsers do.
    case windows1252
    /// Anything else libxml2 knows (UTF-16, ISO-8859-15, KOI8-R…): libxml2 converts it.
    case converted(String)

    /// The encoding, and how many leading bytes are a byte-order mark to skip.
    static func detect(prefix: UnsafeRawBufferPointer, httpCharset: String?) -> (InputEncoding, bomLength: Int) {
        let b = Array(prefix.prefix(1024))
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if b.starts(with: [0xFF, 0xFE]) { return (.converted("UTF-16LE"), 2) }
        if b.starts(with: [0xFE, 0xFF]) { return (.converted("UTF-16BE"), 2) }
        // UTF-16 without a mark still starts with "<" (or white space) next to a zero byte.
        if b.count >= 2, b[0] != 0, b[1] == 0 { return (.converted("UTF-16LE"), 0) }
        if b.count >= 2, b[0] == 0, b[1] != 0 { return (.converted("UTF-16BE"), 0) }
        if let declared = declaredEncoding(b), let encoding = named(declared) { return (encoding, 0) }
        if let httpCharset, let encoding = named(httpCharset) { return (encoding, 0) }
        return (.utf8, 0)
    }

    /// Maps a charset label to a reading; nil for labels libxml2 does not know.
    static func named(_ label: String) -> InputEncoding? {
        let name = label.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'"))).lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
             "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819":
            return .windows1252
        case "utf-16":
            return nil // the byte order was settled above, from the bytes
        default:
            guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
            xmlCharEncCloseFunc(handler)
            return .converted(name)
        }
    }

    /// The `encoding="…"` of an `<?xml …?>` declaration at the very start.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: bytes[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }
}

