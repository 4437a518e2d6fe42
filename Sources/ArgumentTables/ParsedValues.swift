/// What a command line gave, by row name: every value of an option in order, `""` once per flag. Values were
/// checked against their row's kind while parsing, so the number readers only fail for a row of another kind.
public struct ParsedValues: Sendable, Equatable {
    public private(set) var given: [String: [String]] = [:]

    public init(_ given: [String: [String]] = [:]) {
        self.given = given
    }

    mutating func append(_ value: String, for name: String) {
        given[name, default: []].append(value)
    }

    public func flag(_ name: String) -> Bool { given[name] != nil }

    /// The last value given (an option given twice keeps the last, as most programs do).
    public func string(_ name: String) -> String? { given[name]?.last }

    public func strings(_ name: String) -> [String] { given[name] ?? [] }

    public func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }

    public func double(_ name: String) -> Double? { string(name).flatMap { Double($0) } }

    public func int64s(_ name: String) -> [Int64] { strings(name).compactMap { Int64($0) } }
}
