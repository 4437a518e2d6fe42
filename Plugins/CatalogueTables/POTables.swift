import Foundation

// The reading of gettext .po files behind the CatalogueTables plugin (msgctxt, msgid, msgid_plural, msgstr,
// msgstr[N], continued strings, C escapes), written out as Swift dictionaries keyed by msgid, so the catalogue is
// compiled into the program. Fuzzy and untranslated entries are left out, as msgfmt leaves them out of a .mo file.
// A malformed file stops the build with `FILE:LINE: reason`.

struct POEntry {
    var context: String?
    var msgid: String?
    var plural: String?
    var forms: [Int: String] = [:]
    var isFuzzy = false

    /// gettext's key: the context, EOT, then the msgid.
    var key: String? { msgid.map { id in context.map { $0 + "\u{4}" + id } ?? id } }
}

struct POError: Error, CustomStringConvertible {
    var description: String
}

/// The text of a `"…"` token, C escapes undone.
func unquoted(_ token: Substring, at place: String) throws -> String {
    let trimmed = token.trimmingCharacters(in: .whitespaces)
    guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else {
        throw POError(description: "\(place): expected a quoted string")
    }
    var out = ""
    var escaped = false
    for char in trimmed.dropFirst().dropLast() {
        guard escaped else {
            if char == "\\" { escaped = true } else { out.append(char) }
            continue
        }
        escaped = false
        switch char {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "\"", "\\": out.append(char)
        default: throw POError(description: "\(place): unknown escape \\\(char)")
        }
    }
    return out
}

func entries(of path: String) throws -> [POEntry] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var all: [POEntry] = []
    var entry = POEntry()
    var fuzzyNext = false
    // Which field a continued string adds to.
    var field: WritableKeyPath<POEntry, String?>?
    var formIndex: Int?
    func finish() {
        if entry.msgid != nil { all.append(entry) }
        entry = POEntry()
    }
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let place = "\(path):\(number + 1)"
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { continue }
        if line.hasPrefix("#") {
            if line.hasPrefix("#,"), line.contains("fuzzy") { fuzzyNext = true }
            continue
        }
        if line.hasPrefix("\"") {
            let more = try unquoted(Substring(line), at: place)
            if let formIndex {
                entry.forms[formIndex, default: ""] += more
            } else if let field {
                entry[keyPath: field] = (entry[keyPath: field] ?? "") + more
            } else {
                throw POError(description: "\(place): a string continues nothing")
            }
            continue
        }
        let keyword = line.prefix { !$0.isWhitespace }
        let value = try unquoted(line.dropFirst(keyword.count), at: place)
        formIndex = nil
        field = nil
        switch keyword {
        case "msgctxt":
            finish()
            entry.context = value
        case "msgid":
            if entry.msgid != nil || entry.context == nil { finish() }
            entry.msgid = value
            entry.isFuzzy = fuzzyNext
            fuzzyNext = false
            field = \.msgid
            continue
        case "msgid_plural":
            entry.plural = value
            field = \.plural
            continue
        case "msgstr":
            entry.forms[0] = value
            formIndex = 0
        default:
            guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let n = Int(keyword.dropFirst(7).dropLast()) else {
                throw POError(description: "\(place): unknown keyword \(keyword)")
            }
            entry.forms[n] = value
            formIndex = n
        }
        if keyword == "msgctxt" { field = \.context }
    }
    finish()
    return all
}

/// A Swift string literal: quotes, backslashes and control characters escaped.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func table(of path: String) throws -> String {
    var rows: [String] = []
    var seen: Set<String> = []
    for entry in try entries(of: path) {
        guard let key = entry.key, !key.isEmpty, !entry.isFuzzy else { continue }
        let forms = entry.forms.sorted { $0.key < $1.key }.map(\.value)
        guard !forms.isEmpty, forms.allSatisfy({ !$0.isEmpty }) else { continue }
        guard seen.insert(key).inserted else { throw POError(description: "\(path): \(literal(key)) appears twice") }
        rows.append("        \(literal(key)): [\(forms.map(literal).joined(separator: ", "))],")
    }
    return rows.joined(separator: "\n")
}

/// The Swift source of `CatalogueTables.tables`, one dictionary per .po file, named by its language.
func catalogueSource(_ paths: [String]) throws -> String {
    var swift = "// Generated by the CatalogueTables plugin from po/*.po at each build: edit the .po files, never this.\n"
    swift += "enum CatalogueTables {\n    static let tables: [String: [String: [String]]] = [\n"
    for path in paths {
        let language = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        swift += "    \(literal(language)): [\n" + (try table(of: path)) + "\n    ],\n"
    }
    if paths.isEmpty { swift += ":" }
    swift += "    ]\n}\n"
    return swift
}
