import ScreenKit

/// Styles per role. Roles a theme leaves out fall back to `normal`.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: ThemeRole) -> Style { styles[role] ?? styles[.normal] ?? .plain }

    /// The style of laid-out article text: the roles' styles stacked, the first one named winning colours.
    public func style(for roles: TextRoles) -> Style {
        var style = self.style(.normal)
        for role in roles.members {
            let layer: Style
            switch role {
            case .plain: continue
            case .heading: layer = self.style(.heading)
            case .strong: layer = Style(attributes: .bold)
            case .emphasis: layer = Style(attributes: .italic)
            case .code: layer = self.style(.code)
            case .link: layer = self.style(.link)
            case .quote: layer = self.style(.quote)
            case .dim: layer = self.style(.dim)
            case .match: layer = self.style(.match)
            case .strike: layer = Style(attributes: .dim)
            case .underline: layer = Style(attributes: .underline)
            }
            style = layer.over(style)
        }
        return style
    }

    /// The built-in default, also shipped as themes/default.toml; used when no theme file can be read.
    public static let builtIn = Theme(name: "default", styles: [
        .normal: Style(),
        .title: Style(foreground: .ansi(7), background: .ansi(4), attributes: .bold),
        .status: Style(foreground: .ansi(7), background: .ansi(4)),
        .selected: Style(foreground: .ansi(0), background: .ansi(6)),
        .unread: Style(attributes: .bold),
        .read: Style(),
        .starred: Style(foreground: .ansi(3), attributes: .bold),
        .error: Style(foreground: .ansi(1), attributes: .bold),
        .heading: Style(foreground: .ansi(6), attributes: .bold),
        .link: Style(foreground: .ansi(4), attributes: .underline),
        .quote: Style(foreground: .ansi(2), attributes: .italic),
        .code: Style(foreground: .ansi(3)),
        .match: Style(foreground: .ansi(0), background: .ansi(3), attributes: .bold),
        .dim: Style(attributes: .dim),
    ])
}
