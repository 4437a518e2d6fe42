import Localization
import TOMLKit

// The one way ReaderConfig reads TOML (config.toml, themes, the system config): TOMLKit, behind checks that keep
// from it the texts on which it aborts the process instead of throwing. Reads text; never the disk.
enum TOMLDocument {
    /// Why a text is not a TOML document, with its line when known.
    struct Problem: Error, Hashable {
        var line: Int?
        var reason: String
        /// The reason is qnread's own wording, a message of the catalogue (TOMLKit's are not).
        var isWorded = false

        /// The problem as a file's error: qnread's wording goes through the catalogue.
        func configError(file: String) -> ConfigError {
            isWorded ? ConfigError(file: file, line: line, messageID: reason) : ConfigError(file: file, line: line, reason: reason)
        }
    }

    static func table(_ text: String) throws(Problem) -> TOMLTable {
        if let problem = headerProblem(text) ?? arrayProblem(text) { throw problem }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(line: error.source.begin.line, reason: error.description)
        } catch {
            throw Problem(line: nil, reason: N_("is not valid TOML"), isWorded: true)
        }
    }

    /// The toml++ 3.4.0 inside TOMLKit 0.6.0 asserts, and so aborts even a release build, on a table header whose
    /// name starts with a character no bare key starts with: `[écran]`, `[[[keys]]`, `[=`, a `[` alone (the
    /// fuzz-config target in Fuzz/ reproduces it; toml++ fixed it after 3.4.0, in its pull request 301). Until
    /// TOMLKit ships the fix, such a header is reported here. Headers only ever start a line, so every line is
    /// checked; a line of a multi-line array or string that starts the same way is reported too, which no qnread
    /// file has a reason to hold.
    static func headerProblem(_ text: String) -> Problem? {
        var bytes = Substring(text).utf8
        // toml++ skips a byte-order mark, so a header right after it starts the first line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let header = line.drop(while: isBlank)
            guard header.first == UInt8(ascii: "[") else { continue }
            var name = header.dropFirst().drop(while: isBlank)
            if name.first == UInt8(ascii: "[") {
                // `[ [`: toml++ reports the space itself.
                guard name.startIndex == header.index(after: header.startIndex) else { continue }
                name = name.dropFirst().drop(while: isBlank)
            }
            if let first = name.first, startsName(first) { continue }
            return Problem(line: index + 1, reason: N_("a table name starts with a letter or digit (A–Z, a–z, 0–9), \"-\" or \"_\", or is quoted: [\"écran\"]"),
                           isWorded: true)
        }
        return nil
    }

    /// toml++ 3.4.0 also asserts when the next value of an array starts with `}` or a Unicode line separator
    /// (U+0085, U+2028, U+2029): `x = [}`, `x = [1,}` (found by fuzz-config). Neither is TOML anywhere outside a
    /// string or a comment, so either one after a `[` or a `,` there (blanks, line breaks and comments aside) is
    /// reported.
    static func arrayProblem(_ text: String) -> Problem? {
        var scalars = Substring(text).unicodeScalars
        var line = 1
        var expectsValue = false
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\n":
                line += 1
            case " ", "\t", "\r":
                break
            case "#":
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
            case "\"", "'":
                expectsValue = false
                line += skipString(openedBy: scalar, in: &scalars)
            case "[", ",":
                expectsValue = true
            case "}", "\u{85}", "\u{2028}", "\u{2029}":
                if expectsValue { return Problem(line: line, reason: N_("a value is missing after “[” or “,”"), isWorded: true) }
                expectsValue = false
            default:
                expectsValue = false
            }
        }
        return nil
    }

    /// Skips a string whose opening quote was just read, multi-line ones included; returns its line breaks.
    private static func skipString(openedBy quote: Unicode.Scalar, in scalars: inout Substring.UnicodeScalarView) -> Int {
        let isMultiline = scalars.starts(with: [quote, quote])
        if isMultiline { scalars.removeFirst(2) }
        var lineBreaks = 0
        while let scalar = scalars.popFirst() {
            if scalar == "\n" {
                lineBreaks += 1
                if !isMultiline { return lineBreaks }
            } else if scalar == "\\", quote == "\"" {
                if scalars.popFirst() == "\n" { lineBreaks += 1 }
            } else if scalar == quote {
                guard isMultiline else { return lineBreaks }
                guard scalars.starts(with: [quote, quote]) else { continue }
                scalars.removeFirst(2)
                // A multi-line string may end with one or two quotes of its own before its closing three.
                for _ in 0..<2 where scalars.first == quote { scalars.removeFirst() }
                return lineBreaks
            }
        }
        return lineBreaks
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// A bare key's characters, a quote, or the `]` of an empty name (which toml++ reports itself).
    private static func startsName(_ byte: UInt8) -> Bool {
        let character = Character(Unicode.Scalar(byte))
        return byte < 0x80 && (character.isLetter || character.isNumber || "-_\"']".contains(character))
    }
}
