import Foundation

// A parsed filter: newsboat's filter language as a tree of comparisons joined by `and` and `or`, each leaf
// knowing the columns it was written at. Values only: parsing is FilterParser's job, running it FeedStorage's.

/// A filter as the reader wrote it, parsed and checked. Build one with `FilterExpression(parsing:)`.
public struct FilterExpression: Hashable, Sendable, CustomStringConvertible {
    /// The text it was parsed from.
    public let text: String
    public let root: FilterNode

    public init(text: String, root: FilterNode) {
        self.text = text
        self.root = root
    }

    /// Parses and checks `text`; throws `FilterError` naming the column and the reason.
    public init(parsing text: String) throws(FilterError) {
        self = try FilterParser.parse(text)
    }

    public var description: String { text }

    /// Every comparison, left to right.
    public var comparisons: [FilterComparison] { root.comparisons }
}

public indirect enum FilterNode: Hashable, Sendable {
    case comparison(FilterComparison)
    case and(FilterNode, FilterNode)
    case or(FilterNode, FilterNode)

    var comparisons: [FilterComparison] {
        switch self {
        case .comparison(let comparison): [comparison]
        case .and(let left, let right), .or(let left, let right): left.comparisons + right.comparisons
        }
    }
}

/// `attribute operator value`, e.g. `title =~ "Québec"`.
public struct FilterComparison: Hashable, Sendable {
    public var attribute: FilterAttribute
    public var op: FilterOperator
    public var value: FilterValue
    /// 1-based columns (in characters) of the attribute and of the value, for messages.
    public var column: Int
    public var valueColumn: Int

    public init(attribute: FilterAttribute, op: FilterOperator, value: FilterValue, column: Int, valueColumn: Int) {
        self.attribute = attribute
        self.op = op
        self.value = value
        self.column = column
        self.valueColumn = valueColumn
    }
}

public enum FilterOperator: String, CaseIterable, Hashable, Sendable {
    case equals = "="
    case notEquals = "!="
    case matches = "=~"
    case notMatches = "!~"
    case contains = "#"
    case notContains = "!#"
    case less = "<"
    case greater = ">"
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case between

    /// `!=`, `!~`, `!#`: the negation of another operator.
    public var negated: FilterOperator? {
        switch self {
        case .notEquals: .equals
        case .notMatches: .matches
        case .notContains: .contains
        default: nil
        }
    }
}

/// The right-hand side of a comparison, already in the form its attribute needs.
public enum FilterValue: Hashable, Sendable {
    /// Text to compare (escapes `\"` and `\\` undone), or a regular expression (as written, escapes kept).
    case text(String)
    case number(Int)
    /// `between A:B`, low end first whichever way it was written.
    case range(Int, Int)
    /// Midnight UTC of a `YYYY-MM-DD` day.
    case day(Date)
    /// `unread`/`starred`: true for "yes".
    case yes(Bool)
}
