/// newsboat's `ignore-article` and `ignore-mode`, as config.toml's `ignore_mode` and `[[ignore]]` tables set them:
/// articles a rule matches are never stored (`download`) or stored but never shown (`display`). Plain values,
/// so the refresher takes them without knowing config.toml.
public struct Killfile: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// A matching article is not stored by a reload.
        case download
        /// A matching article is stored, and appears in no list, count or search.
        case display
    }

    public struct Rule: Hashable, Sendable {
        /// `*` (every feed), a feed's URL, a glob on URLs (`https://*.example/*`), or newsboat's `regex:PATTERN`
        /// (a regular expression found anywhere in the URL, case ignored).
        public var feed: String
        public var filter: FilterExpression

        public init(feed: String, filter: FilterExpression) {
            self.feed = feed
            self.filter = filter
        }
    }

    public var mode: Mode
    public var rules: [Rule]

    public init(mode: Mode = .download, rules: [Rule] = []) {
        self.mode = mode
        self.rules = rules
    }

    public var isEmpty: Bool { rules.isEmpty }
}
