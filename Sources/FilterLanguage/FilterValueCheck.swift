import FeedParsing
import Foundation
import Localization

/// Turns a value as written into the value its attribute and operator need, or says why it cannot be one.
enum FilterValueCheck {
    static func value(_ raw: RawValue, for attribute: FilterAttribute, name: String, op: FilterOperator,
                      column: Int) throws(FilterError) -> FilterValue {
        if op == .between {
            guard case .range(let a, let b) = raw else {
                throw FilterError(column: column, N_("between needs a range of whole numbers, such as 0:10"))
            }
            let (low, high) = (try whole(a, column: column), try whole(b, column: column))
            return .range(min(low, high), max(low, high))
        }
        let text: String
        switch raw {
        case .range:
            throw FilterError(column: column, N_("a range such as 0:10 goes with between, not %s"), op.rawValue)
        case .number(let digits):
            text = digits
        case .quoted(let written):
            // A regular expression keeps its backslashes; other text has \" and \\ undone.
            text = op == .matches || op == .notMatches ? written : unescaped(written)
        }
        if op == .matches || op == .notMatches {
            if let problem = FilterRegex.problem(with: text) { throw FilterError(column: column, problem) }
            return .text(text)
        }
        switch attribute.kind {
        case .text:
            return .text(text)
        case .yesNo:
            switch text.lowercased() {
            case "yes": return .yes(true)
            case "no": return .yes(false)
            default: throw FilterError(column: column, N_("%s is \"yes\" or \"no\", not \"%s\""), name, text)
            }
        case .number:
            guard !text.isEmpty, text.dropFirst(text.hasPrefix("-") ? 1 : 0).allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw FilterError(column: column, N_("%s compares with a whole number, not \"%s\""), name, text)
            }
            return .number(try whole(text, column: column))
        case .date:
            guard let day = FeedDate.day(text) else {
                throw FilterError(column: column, N_("%s compares with a day written YYYY-MM-DD, not \"%s\""), name, text)
            }
            return .day(day)
        }
    }

    private static func whole(_ digits: String, column: Int) throws(FilterError) -> Int {
        guard let value = Int(digits), abs(value) <= 1_000_000_000 else {
            throw FilterError(column: column, N_("number too large: %s"), String(digits.prefix(24)))
        }
        return value
    }

    /// `\"` and `\\` as the characters they stand for; any other backslash stays.
    static func unescaped(_ written: String) -> String {
        var text = ""
        var escaping = false
        for c in written {
            if escaping {
                if c != "\"" && c != "\\" { text.append("\\") }
                text.append(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                text.append(c)
            }
        }
        if escaping { text.append("\\") }
        return text
    }
}
