// Laid-out text: what the article pager draws and what `qnread show` prints. Styles are semantic roles;
// a theme turns them into colours at the edge.

public enum TextRole: String, Hashable, Sendable, CaseIterable {
    case plain, heading, strong, emphasis, code, link, quote, dim, match, strike, underline
}

/// A set of roles as bits: spans are built by the ten thousand per article, and a `Set` would hash and
/// allocate for each. Spelled like a set: `[.heading, .strong]`, `contains(.link)`, `insert(.quote)`.
public struct TextRoles: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ role: TextRole) { self.init(rawValue: 1 << UInt16(TextRole.allCases.firstIndex(of: role)!)) }

    public static let plain = TextRoles(.plain)
    public static let heading = TextRoles(.heading)
    public static let strong = TextRoles(.strong)
    public static let emphasis = TextRoles(.emphasis)
    public static let code = TextRoles(.code)
    public static let link = TextRoles(.link)
    public static let quote = TextRoles(.quote)
    public static let dim = TextRoles(.dim)
    public static let match = TextRoles(.match)
    public static let strike = TextRoles(.strike)
    public static let underline = TextRoles(.underline)

    /// The roles one by one, for a theme that maps each to a colour.
    public var members: [TextRole] { TextRole.allCases.filter { contains(TextRoles($0)) } }
}

/// A run of text with one set of roles.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var roles: TextRoles

    public init(_ text: String, roles: TextRoles = []) {
        self.text = text
        self.roles = roles
    }
}

/// One screen line: spans that fit in the width they were laid out for.
public struct StyledLine: Hashable, Sendable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan] = []) { self.spans = spans }

    public var text: String { spans.map(\.text).joined() }
}
