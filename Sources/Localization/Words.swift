/// A message not worded yet: its English text (marked N_ where it is written) and its arguments, which may be
/// messages themselves. Pure modules keep what went wrong as `Words` (a feeds-list line, a filter); each program says
/// it in its language where it is shown: `catalogue.text(of:)`, or as an argument of another message.
public struct Words: Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public indirect enum Argument: Hashable, Sendable {
        /// Printed as it is: a URL, a name, a number.
        case text(String)
        /// Worded in the same language as the message around it.
        case words(Words)
    }

    public var messageID: String
    public var arguments: [Argument]

    public init(_ messageID: String, _ arguments: String...) {
        self.init(messageID, arguments: arguments.map(Argument.text))
    }

    public init(_ messageID: String, arguments: [Argument]) {
        self.messageID = messageID
        self.arguments = arguments
    }

    public func text(in catalogue: Catalogue) -> String {
        catalogue.tr(messageID, arguments: arguments.map { argument -> any MessageArgument in
            switch argument {
            case .text(let text): text
            case .words(let words): words.text(in: catalogue)
            }
        })
    }

    /// English, for logs, tests and `--json`.
    public var description: String { text(in: .english) }
}
