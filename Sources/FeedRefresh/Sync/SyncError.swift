import Localization
import TextSafety

/// Why a sync stopped, in one line a reader can act on. A sync that fails changes nothing it has not finished:
/// marks stay in the outbox, and articles are stored one page at a time, each page whole or not at all.
/// The reason is `Words`, said in the program's language where it is shown or stored (`text(in:)`).
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public enum Kind: String, Hashable, Sendable {
        /// No answer: refused, timed out, name not found, connection lost…
        case unreachable
        /// The user name or password is wrong.
        case login
        /// The account may not use the API (a per-user preference in Tiny Tiny RSS).
        case apiDisabled
        /// Something answered, but not a Tiny Tiny RSS API: an HTTP error, an HTML page, JSON of another shape.
        case notTTRSS
        /// The answer was cut or is not JSON.
        case invalidAnswer
        /// The API answered with an error of its own.
        case server
        /// The password could not be had (password_command failed), or the local store failed.
        case local
    }

    public var kind: Kind
    public var words: Words

    /// `messageID` is English, marked N_, with `%s` for each argument.
    public init(_ kind: Kind, _ messageID: String, _ arguments: String...) {
        self.kind = kind
        words = Words(messageID, arguments: arguments.map(Words.Argument.text))
    }

    /// Another error's own text, shown as it is.
    public init(_ kind: Kind, error: any Error) {
        self.init(kind, "%s", "\(error)")
    }

    /// In English.
    public var message: String { text(in: .english) }
    public var description: String { message }

    public func text(in catalogue: Catalogue) -> String { SafeText.collapsedLine(words.text(in: catalogue)) }
}
