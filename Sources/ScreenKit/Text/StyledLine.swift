// Laid-out text: what the article pager draws and what `qnread show` prints. Styles are semantic roles;
// a theme turns them into colours at the edge.

public enum TextRole: String, Hashable, Sendable, CaseIterable {
    case plain, heading, strong, emphasis, code, link, quote, dim, match, strike, underline
}

/// A run of text with one set of roles.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var roles: Set<TextRole>

    public init(_ text: String, roles: Set<TextRole> = []) {
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
