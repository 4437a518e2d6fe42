/// What a filter can ask of an article: newsboat's names (and a few of ours), each with the kind of value it
/// holds, which decides the operators and values it accepts.
public enum FilterAttribute: String, CaseIterable, Hashable, Sendable {
    case title, link, author, content, guid, flags
    case unread, starred
    case age, date
    case feedtitle, feedurl, feedlink, tags
    case enclosureURL = "enclosure_url", enclosureType = "enclosure_type"
    case unreadCount = "unread_count", totalCount = "total_count"

    public enum Kind: Hashable, Sendable {
        /// Compared as text, case and accents ignored.
        case text
        /// "yes" or "no".
        case yesNo
        /// A whole number.
        case number
        /// A day, `YYYY-MM-DD` (UTC); as text, `Thu, 14 Nov 2024 15:00:00 GMT`.
        case date
    }

    public var kind: Kind {
        switch self {
        case .unread, .starred: .yesNo
        case .age, .unreadCount, .totalCount: .number
        case .date: .date
        default: .text
        }
    }

    /// Reads a name as written in a filter; newsboat's `rssurl` is our `feedurl`.
    public init?(name: String) {
        if name == "rssurl" { self = .feedurl; return }
        self.init(rawValue: name)
    }

    /// newsboat attributes qnread has no value for, so a filter naming one gets a reason, not "unknown".
    static let newsboatOnly: Set<String> = ["description", "feeddate", "articleindex", "feedindex", "latest_article_age"]

    /// The operators this attribute takes.
    var operators: [FilterOperator] {
        switch kind {
        case .text: [.equals, .notEquals, .matches, .notMatches, .contains, .notContains]
        case .yesNo: [.equals, .notEquals, .matches, .notMatches]
        case .number: [.equals, .notEquals, .matches, .notMatches, .less, .greater, .lessOrEqual, .greaterOrEqual, .between]
        case .date: [.equals, .notEquals, .matches, .notMatches, .less, .greater, .lessOrEqual, .greaterOrEqual]
        }
    }
}
