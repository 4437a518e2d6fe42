import TextSafety

/// Why a filter cannot be used, at a 1-based column of its text: `filter: column 17: unknown attribute "titel"`.
/// One line, always; never SQL.
public struct FilterError: Error, Hashable, Sendable, CustomStringConvertible {
    public var column: Int
    public var reason: String

    public init(column: Int, _ reason: String) {
        self.column = column
        self.reason = SafeText.line(reason)
    }

    public var description: String { "filter: column \(column): \(reason)" }
}
