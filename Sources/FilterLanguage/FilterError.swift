import Localization
import TextSafety

/// Why a filter cannot be used, at a 1-based column of its text: `filter: column 17: unknown attribute "titel"`.
/// One line, always; never SQL. The reason is `Words`: each program says it in its language (`text(in:)`).
public struct FilterError: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public var column: Int
    public var reason: Words

    public init(column: Int, _ reason: Words) {
        self.column = column
        self.reason = reason
    }

    /// `messageID` is English, marked N_, with `%s` for each argument.
    public init(column: Int, _ messageID: String, _ arguments: String...) {
        self.init(column: column, Words(messageID, arguments: arguments.map(Words.Argument.text)))
    }

    public var description: String { text(in: .english) }

    /// The whole error, column included, as an argument of another message.
    public var words: Words { Words(N_("filter: column %s: %s"), arguments: [.text(String(column)), .words(reason)]) }

    public func text(in catalogue: Catalogue) -> String {
        SafeText.line(words.text(in: catalogue))
    }
}
