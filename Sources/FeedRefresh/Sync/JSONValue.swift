import Foundation

/// A JSON document as a value, for a server's answers whose shape varies (Tiny Tiny RSS sends ids as numbers or
/// strings, booleans as `true`, `"t"` or `1` depending on its version and database). Pure.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Nil for anything but valid JSON.
    static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number == number.rounded() ? String(Int64(number)) : String(number)
        default: nil
        }
    }

    /// A whole number, from a number or a string of digits.
    var int: Int64? {
        switch self {
        case .number(let number): number == number.rounded() && abs(number) < 9e15 ? Int64(number) : nil
        case .string(let text): Int64(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// `true`, `1`, `"t"`, `"true"`, `"1"` (PHP and PostgreSQL spellings).
    var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let number): number != 0
        case .string(let text): ["t", "true", "1"].contains(text.lowercased()) ? true : ["f", "false", "0", ""].contains(text.lowercased()) ? false : nil
        default: nil
        }
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
