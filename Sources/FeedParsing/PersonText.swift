/// RSS writes people as one string: "lea@exemple.qc.ca (Léa Tremblay)", "Léa Tremblay <lea@exemple.qc.ca>",
/// a bare address or a bare name.
enum PersonText {
    static func parse(_ text: String) -> ParsedPerson {
        let trimmed = PlainText.trimmed(text) ?? ""
        // "email (Name)"
        if trimmed.hasSuffix(")"), let open = trimmed.firstIndex(of: "(") {
            let email = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let name = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            if isEmail(email) { return ParsedPerson(name: PlainText.fromHTML(String(name)), email: email) }
            // "Name (email)"
            let inner = name.trimmingCharacters(in: .whitespaces)
            if isEmail(inner) { return ParsedPerson(name: PlainText.fromHTML(email), email: inner) }
        }
        // "Name <email>"
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
            if isEmail(email) {
                return ParsedPerson(name: PlainText.fromHTML(String(trimmed[..<open])), email: email)
            }
        }
        if isEmail(trimmed) { return ParsedPerson(email: trimmed) }
        return ParsedPerson(name: PlainText.fromHTML(trimmed))
    }

    /// One "@" with something on each side, and no space, bracket or line break: checked on UTF-8 bytes
    /// (by Character it cost more than the rest of the item).
    private static func isEmail(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var at: Int?
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "@"):
                    if at != nil { return false }
                    at = index
                case UInt8(ascii: " "), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"),
                     0x0A, 0x0B, 0x0C, 0x0D:
                    return false
                // U+0085, and U+2028 and U+2029, the other line breaks
                case 0x85 where index > 0 && bytes[index - 1] == 0xC2: return false
                case 0xA8 where index > 1 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2,
                     0xA9 where index > 1 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2:
                    return false
                default: break
                }
            }
            guard let at else { return false }
            return at > 0 && at < bytes.count - 1
        }
    }
}

import Foundation
