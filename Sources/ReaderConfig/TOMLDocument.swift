import TOMLKit

// The one way ReaderConfig reads TOML (config.toml, themes, the system config): TOMLKit, behind a check that keeps
// from it the table headers on which it aborts the process instead of throwing. Reads text; never the disk.
enum TOMLDocument {
    /// Why a text is not a TOML document, with its line when known.
    struct Problem: Error, Hashable {
        var line: Int?
        var reason: String
    }

    static func table(_ text: String) throws(Problem) -> TOMLTable {
        if let problem = headerProblem(text) { throw problem }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(line: error.source.begin.line, reason: error.description)
        } catch {
            throw Problem(line: nil, reason: "is not valid TOML")
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
            return Problem(line: index + 1, reason: "a table name starts with a letter or digit (A–Z, a–z, 0–9), "
                           + "\"-\" or \"_\", or is quoted: [\"écran\"]")
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// A bare key's characters, a quote, or the `]` of an empty name (which toml++ reports itself).
    private static func startsName(_ byte: UInt8) -> Bool {
        let character = Character(Unicode.Scalar(byte))
        return byte < 0x80 && (character.isLetter || character.isNumber || "-_\"']".contains(character))
    }
}
