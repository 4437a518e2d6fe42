/// What a piece of the screen is, as themes name it. The theme turns roles into colours.
public enum ThemeRole: String, Hashable, Sendable, CaseIterable {
    case normal, title, status, selected, unread, read, starred, error, heading, link, quote, code, match, dim
}
