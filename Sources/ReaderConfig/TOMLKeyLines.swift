import FeedModel
import Foundation

/// Where each key of a TOML document is written. TOMLKit gives values but no positions, so errors about a
/// value find their line here: a small scan of table headers and `key =` lines, enough for config files.
struct TOMLKeyLines {
    private var lines: [[String]: Int] = [:]
    private var tables: [[String]: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        var number = 0
        // `[[ignore]]` starts the next table of an array: its keys are placed under ["ignore", "0"], ["ignore", "1"]…
        var arrayCounts: [[String]: Int] = [:]
        // "\r\n" is one Character in Swift: split at "\n" alone, a file with Windows line endings was one line.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.trimmingSpaces
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }
                if let end = TOMLKeyLines.keyEnd(inner, stop: "]") {
                    table = TOMLKeyLines.path(String(inner[..<end]))
                    if line.hasPrefix("[[") {
                        let index = arrayCounts[table, default: 0]
                        arrayCounts[table] = index + 1
                        table.append(String(index))
                    }
                    // [keys.feeds] also places `keys`, for errors about the whole section.
                    for length in 1...max(1, table.count) where tables[Array(table.prefix(length))] == nil {
                        tables[Array(table.prefix(length))] = number
                    }
                }
                continue
            }
            guard !line.hasPrefix("#"), let end = TOMLKeyLines.keyEnd(Substring(line), stop: "=") else { continue }
            let key = TOMLKeyLines.path(String(line[..<end]))
            if !key.isEmpty, lines[table + key] == nil { lines[table + key] = number }
        }
    }

    /// The line of `path` (table names, then the key), or of its closest table when the key is not found.
    func line(of path: [String]) -> Int? {
        if let line = lines[path] { return line }
        var prefix = path
        while !prefix.isEmpty {
            if let line = tables[prefix] ?? lines[prefix] { return line }
            prefix.removeLast()
        }
        return nil
    }

    /// Where the key part ends (at the unquoted `stop` character).
    private static func keyEnd(_ text: Substring, stop: Character) -> Substring.Index? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == "\\", q == "\"" { index = text.index(after: index) } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == stop {
                return index
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return nil
    }

    /// Splits `a."b.c".d` into its parts, unquoted.
    private static func path(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for c in text {
            if let q = quote {
                if escaped { current.append(c); escaped = false } else if c == "\\" && q == "\"" { escaped = true }
                else if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(quote == nil ? current.trimmingSpaces : current)
        return parts
    }
}
