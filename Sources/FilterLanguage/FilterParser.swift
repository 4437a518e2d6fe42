import FeedParsing
import Foundation
import Localization

/// Reads newsboat's filter language (its `filterparser.rs` grammar):
///
///     filter     := expression
///     expression := operand (("and" | "or") expression)?      -- one precedence, grouped to the right
///     operand    := "(" expression ")" | comparison
///     comparison := attribute operator value
///     operator   := =~ | == | = | !~ | != | <= | >= | < | > | between | # | !#
///     value      := "quoted string" | number | number:number
///
/// As in newsboat, `and` and `or` bind alike and group to the right: `a and b or c` is `a and (b or c)`.
/// Each comparison is checked as it is read (the attribute exists, takes the operator, the value fits), so
/// the first problem is reported at its column and a parsed filter always compiles.
enum FilterParser {
    /// Bounds that keep a hostile filter from costing more than a clear message.
    static let maximumLength = 4_000
    static let maximumNesting = 32
    static let maximumComparisons = 100

    static func parse(_ text: String) throws(FilterError) -> FilterExpression {
        var reader = Reader(Array(text))
        guard reader.characters.count <= maximumLength else {
            throw FilterError(column: 1, N_("filter too long (%s characters; at most %s)"), String(reader.characters.count), String(maximumLength))
        }
        if let bad = reader.characters.firstIndex(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } && !$0.isWhitespace }) {
            let scalar = reader.characters[bad].unicodeScalars.first!.value
            throw FilterError(column: bad + 1, N_("control character U+%s in the filter"), String(format: "%04X", scalar))
        }
        reader.skipSpaces()
        guard !reader.isAtEnd else { throw FilterError(column: 1, N_("empty filter")) }
        let root = try reader.expression(depth: 0)
        reader.skipSpaces()
        guard reader.isAtEnd else {
            throw FilterError(column: reader.column, N_("expected \"and\", \"or\" or the end of the filter, not %s"), reader.rest)
        }
        return FilterExpression(text: text, root: root)
    }

    private struct Reader {
        let characters: [Character]
        var index = 0
        var comparisons = 0

        init(_ characters: [Character]) { self.characters = characters }

        var isAtEnd: Bool { index >= characters.count }
        var column: Int { index + 1 }
        var current: Character? { isAtEnd ? nil : characters[index] }

        /// The rest of the line, quoted and cut short, for messages.
        var rest: String {
            let tail = String(characters[index...])
            return "\"" + (tail.count > 24 ? tail.prefix(24) + "…" : tail) + "\""
        }

        mutating func skipSpaces() {
            while let c = current, c.isWhitespace { index += 1 }
        }

        func looksAt(_ word: String) -> Bool {
            let word = Array(word)
            return index + word.count <= characters.count && Array(characters[index..<index + word.count]) == word
        }

        /// Operands joined by `and`/`or`, grouped to the right. A loop, not recursion, so a long chain costs no stack.
        mutating func expression(depth: Int) throws(FilterError) -> FilterNode {
            var operands = [try operand(depth: depth)]
            var joins: [Bool] = []  // true for `and`
            while true {
                let save = index
                skipSpaces()
                guard let isAnd = logicalOperator() else {
                    index = save
                    break
                }
                skipSpaces()
                joins.append(isAnd)
                operands.append(try operand(depth: depth))
            }
            var node = operands.removeLast()
            while let left = operands.popLast(), let isAnd = joins.popLast() {
                node = isAnd ? .and(left, node) : .or(left, node)
            }
            return node
        }

        /// `and` or `or` (any case), which newsboat wants followed by a space or a parenthesis: `x=1 andy=0` is
        /// an error, `x=1and(y=0)` is not.
        mutating func logicalOperator() -> Bool? {
            for (word, isAnd) in [("and", true), ("or", false)] {
                let end = index + word.count
                guard end <= characters.count, String(characters[index..<end]).lowercased() == word else { continue }
                var after = end
                while after < characters.count, characters[after].isWhitespace { after += 1 }
                let spaced = after > end
                if spaced || (after < characters.count && characters[after] == "(") {
                    index = end
                    return isAnd
                }
            }
            return nil
        }

        mutating func operand(depth: Int) throws(FilterError) -> FilterNode {
            guard current == "(" else { return .comparison(try comparison()) }
            let open = column
            guard depth < FilterParser.maximumNesting else {
                throw FilterError(column: open, N_("too many nested parentheses (at most %s)"), String(FilterParser.maximumNesting))
            }
            index += 1
            skipSpaces()
            let inner = try expression(depth: depth + 1)
            skipSpaces()
            guard current == ")" else {
                if isAtEnd { throw FilterError(column: open, N_("the parenthesis opened here is never closed")) }
                throw FilterError(column: column, N_("expected \"and\", \"or\" or \")\", not %s"), rest)
            }
            index += 1
            return inner
        }

        mutating func comparison() throws(FilterError) -> FilterComparison {
            comparisons += 1
            let start = column
            guard comparisons <= FilterParser.maximumComparisons else {
                throw FilterError(column: start, N_("too many comparisons (at most %s)"), String(FilterParser.maximumComparisons))
            }
            let name = attributeName()
            guard !name.isEmpty else {
                throw isAtEnd ? FilterError(column: start, N_("the filter ends where an attribute name was expected"))
                    : FilterError(column: start, N_("expected an attribute name such as title or unread, not %s"), rest)
            }
            guard let attribute = FilterAttribute(name: name) else {
                if FilterAttribute.newsboatOnly.contains(name) {
                    throw FilterError(column: start, N_("newsboat's attribute \"%s\" is not supported by qnread"), name)
                }
                throw FilterError(column: start, N_("unknown attribute \"%s\""), name)
            }
            skipSpaces()
            let operatorColumn = column
            guard let op = filterOperator() else {
                throw isAtEnd
                    ? FilterError(column: operatorColumn, N_("expected an operator after %s (=, !=, =~, !~, #, !#, <, >, <=, >=, between)"), name)
                    : FilterError(column: operatorColumn,
                                  N_("expected an operator after %s (=, !=, =~, !~, #, !#, <, >, <=, >=, between), not %s"), name, rest)
            }
            guard attribute.operators.contains(op) else {
                let allowed = attribute.operators.map(\.rawValue).joined(separator: " ")
                throw FilterError(column: operatorColumn, N_("%s does not take %s (it takes %s)"), name, op.rawValue, allowed)
            }
            skipSpaces()
            let valueColumn = column
            let raw = try rawValue()
            let value = try FilterValueCheck.value(raw, for: attribute, name: name, op: op, column: valueColumn)
            return FilterComparison(attribute: attribute, op: op, value: value, column: start, valueColumn: valueColumn)
        }

        mutating func attributeName() -> String {
            let start = index
            while let c = current, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." { index += 1 }
            return String(characters[start..<index])
        }

        /// Longest match first, as newsboat tries them.
        mutating func filterOperator() -> FilterOperator? {
            let spellings: [(String, FilterOperator)] = [
                ("=~", .matches), ("==", .equals), ("=", .equals), ("!~", .notMatches), ("!=", .notEquals),
                ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<", .less), (">", .greater), ("between", .between),
                ("#", .contains), ("!#", .notContains),
            ]
            for (spelling, op) in spellings where looksAt(spelling) {
                index += spelling.count
                return op
            }
            return nil
        }

        mutating func rawValue() throws(FilterError) -> RawValue {
            let start = column
            if current == "\"" {
                index += 1
                var written = ""
                while let c = current, c != "\"" {
                    written.append(c)
                    index += 1
                    if c == "\\", let escaped = current {
                        written.append(escaped)
                        index += 1
                    }
                }
                guard current == "\"" else { throw FilterError(column: start, N_("the quote opened here is never closed")) }
                index += 1
                return .quoted(written)
            }
            guard let low = number() else {
                throw isAtEnd ? FilterError(column: start, N_("the filter ends where a value was expected"))
                    : FilterError(column: start, N_("expected a value (a \"quoted string\", a number or a range such as 0:10), not %s"), rest)
            }
            guard current == ":" else { return .number(low) }
            index += 1
            guard let high = number() else {
                throw FilterError(column: column, N_("a range needs a number after its colon, as in 0:10"))
            }
            return .range(low, high)
        }

        /// `-?[0-9]+`, as text: a number too large to hold is reported where it is used.
        mutating func number() -> String? {
            let start = index
            if current == "-" { index += 1 }
            let digits = index
            while let c = current, c.isASCII, c.isNumber { index += 1 }
            guard index > digits else {
                index = start
                return nil
            }
            return String(characters[start..<index])
        }
    }
}

/// A value as written, before its attribute gives it a type.
enum RawValue {
    /// Between the quotes, escapes as written.
    case quoted(String)
    case number(String)
    case range(String, String)
}
