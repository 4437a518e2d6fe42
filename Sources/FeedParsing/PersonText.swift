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

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" || $0.isNewline })
    }
}

import Foundation
