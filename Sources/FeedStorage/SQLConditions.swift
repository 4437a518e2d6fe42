import GRDB

/// WHERE conditions and their bound values, gathered as a query is built. Values are always bound,
/// never spliced into the SQL text.
struct SQLConditions {
    private(set) var clauses: [String] = []
    private(set) var arguments = StatementArguments()

    init() {}

    init(_ clause: String, _ values: any DatabaseValueConvertible...) { add(clause, values) }

    mutating func add(_ clause: String, _ values: any DatabaseValueConvertible...) { add(clause, values) }

    /// A clause built with its own arguments (a filter, say), in the order its `?` appear.
    mutating func add(_ clause: String, arguments more: StatementArguments) {
        clauses.append(clause)
        _ = arguments.append(contentsOf: more)
    }

    private mutating func add(_ clause: String, _ values: [any DatabaseValueConvertible]) {
        clauses.append(clause)
        _ = arguments.append(contentsOf: StatementArguments(values))
    }

    /// Another set of conditions, ANDed with these.
    mutating func add(_ other: SQLConditions) {
        clauses += other.clauses
        _ = arguments.append(contentsOf: other.arguments)
    }

    var count: Int { clauses.count }

    /// `WHERE a AND b`, or nothing.
    var whereClause: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }

    /// The arguments followed by `more` (a LIMIT, say).
    func arguments(then more: any DatabaseValueConvertible...) -> StatementArguments {
        var all = arguments
        _ = all.append(contentsOf: StatementArguments(more))
        return all
    }
}
