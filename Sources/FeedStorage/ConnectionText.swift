import FeedParsing
import FilterLanguage
import Foundation
import GRDB

// The text functions filters run in SQL, registered on every connection (FeedStore.init): folding case and
// accents exactly as the search index does, regular expressions on folded text, and the RFC 822 form of a date.
// One instance per connection, used only on that connection's queue (hence @unchecked Sendable).

final class ConnectionText: @unchecked Sendable {
    /// The search index's own tokenizer, as StoreSchema creates it (`unicode61 remove_diacritics 2`): filters fold
    /// text with it, so `title = "quebec"` agrees with what searching « quebec » finds. One folding, not a copy.
    static let tokenizer = FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"])

    /// A regular expression may run this long on one article before the query stops with a message.
    static let regexBudget: Duration = .milliseconds(50)

    private let tokenizer: any FTS5Tokenizer
    private var regexes: [String: NSRegularExpression] = [:]
    /// What the tokenizer makes of each non-ASCII character met so far (see `fold`).
    private var foldedScalars: [UInt32: [UInt8]] = [:]

    init(_ db: Database) throws {
        tokenizer = try db.makeTokenizer(Self.tokenizer)
    }

    /// Registers `qnread_fold(text)`, `qnread_regexp(pattern, text)` and `qnread_rfc822(seconds)` on `db`.
    static func register(on db: Database) throws {
        let text = try ConnectionText(db)
        db.add(function: DatabaseFunction("qnread_fold", argumentCount: 1, pure: true) { values in
            text.fold(String.fromDatabaseValue(values[0]) ?? "")
        })
        db.add(function: DatabaseFunction("qnread_regexp", argumentCount: 2, pure: true) { values in
            try text.matches(String.fromDatabaseValue(values[0]) ?? "", in: String.fromDatabaseValue(values[1]) ?? "")
        })
        db.add(function: DatabaseFunction("qnread_rfc822", argumentCount: 1, pure: true) { values in
            Double.fromDatabaseValue(values[0]).map { FeedDate.rfc822(Date(timeIntervalSince1970: $0)) }
        })
    }

    /// `text` with each word as the index holds it (lower case, accents removed: « L’École » → « l’ecole »), and
    /// everything between words as it was.
    ///
    /// unicode61 decides character by character (is it part of a word, what does it fold to), so the folding of a
    /// text is the folding of each of its characters: ASCII is lowered here, and every other character is folded by
    /// the tokenizer the first time it is met, then remembered. A filter folds each title it tests, 100,000 for a
    /// query feed's count: one tokenizer call per title cost 4 µs, this about a tenth of that. The exception is a
    /// combining mark, dropped after a letter and kept alone: a text with one goes to the tokenizer whole.
    func fold(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                output.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if let folded = foldedScalars[scalar.value] {
                output.append(contentsOf: folded)
            } else if Self.isMark(scalar) {
                return tokenizerFold(text)
            } else {
                // Bounded: a hostile text of many distinct characters only empties the memory now and then.
                if foldedScalars.count >= 8_192 { foldedScalars.removeAll(keepingCapacity: true) }
                let folded = Array(tokenizerFold(String(scalar)).utf8)
                foldedScalars[scalar.value] = folded
                output.append(contentsOf: folded)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// `fold` through the tokenizer, for a whole text at once: what `fold` must always equal.
    func tokenizerFold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input -> String in
            guard let base = input.baseAddress, !input.isEmpty else { return "" }
            let folding = Folding(input)
            _ = withExtendedLifetime(folding) {
                tokenizer.tokenize(context: Unmanaged.passUnretained(folding).toOpaque(), tokenization: .document,
                                   pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                   nText: CInt(input.count)) { context, _, token, length, start, end in
                    guard let context else { return 1 }  // SQLITE_ERROR
                    let folding = Unmanaged<Folding>.fromOpaque(context).takeUnretainedValue()
                    folding.output.append(contentsOf: folding.input[folding.position..<max(folding.position, Int(start))])
                    if let token { folding.output.append(contentsOf: UnsafeRawBufferPointer(start: token, count: Int(length))) }
                    folding.position = max(folding.position, Int(end))
                    return 0  // SQLITE_OK
                }
            }
            folding.output.append(contentsOf: folding.input[min(folding.position, input.count)...])
            return String(decoding: folding.output, as: UTF8.self)
        }
    }

    /// Whether the regular expression finds a match anywhere in `text`, both folded (escapes in the pattern kept).
    func matches(_ pattern: String, in text: String) throws -> Bool {
        let regex = try compiled(pattern)
        let folded = fold(text)
        let started = ContinuousClock.now
        var found = false, tooSlow = false
        // ICU calls back now and then during a long match (.reportProgress): a pattern that backtracks without end
        // on some article is stopped there instead of holding the query.
        regex.enumerateMatches(in: folded, options: [.reportProgress], range: NSRange(folded.startIndex..., in: folded)) { result, _, stop in
            if result != nil {
                found = true
                stop.pointee = true
            } else if ContinuousClock.now - started > Self.regexBudget {
                tooSlow = true
                stop.pointee = true
            }
        }
        if tooSlow {
            throw DatabaseError(message: "filter: regular expression \"\(FilterRegex.shown(pattern))\" takes too long on an article; make it simpler")
        }
        return found
    }

    private func compiled(_ pattern: String) throws -> NSRegularExpression {
        if let regex = regexes[pattern] { return regex }
        let folded = FilterRegex.segments(pattern).map { $0.isEscape ? $0.text : fold($0.text) }.joined()
        // Folding can turn a valid range backwards ([Z-a] → [z-a]): the pattern as written then serves.
        guard let regex = (try? NSRegularExpression(pattern: folded, options: [.caseInsensitive]))
                ?? (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) else {
            throw DatabaseError(message: "filter: not a valid regular expression: \"\(FilterRegex.shown(pattern))\"")
        }
        if regexes.count >= 64 { regexes.removeAll() }
        regexes[pattern] = regex
        return regex
    }
}

/// The state of one `fold`, reached from the tokenizer's C callback through its context pointer.
private final class Folding {
    let input: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var position = 0

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        output.reserveCapacity(input.count)
    }
}
