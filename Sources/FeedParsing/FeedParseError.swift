import Localization

/// Why bytes could not become a feed. The message names the input and the reason, on one line; the reason is kept
/// as `Words`, so that each program says it in its reader's language (`text(in:)`, `reason(in:)`), while
/// `message` and `reason` stay English for logs, tests and `--json`.
public struct FeedParseError: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    /// The input's name (a path or URL), or nil when the caller names the input itself.
    public var input: String?
    public var words: Words

    public init(input: String? = nil, _ words: Words) {
        self.input = input
        self.words = words
    }

    /// "input: reason", in English.
    public var message: String { text(in: .english) }
    /// The reason alone ("not a feed: HTML page; it links to …"), in English.
    public var reason: String { words.description }
    public var description: String { message }

    public func reason(in catalogue: Catalogue) -> String { words.text(in: catalogue) }

    public func text(in catalogue: Catalogue) -> String {
        guard let input else { return reason(in: catalogue) }
        return input + catalogue.tr(": ") + reason(in: catalogue)
    }
}
