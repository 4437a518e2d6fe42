/// An error qnread words itself: its English text (`description`) is the message id filled in, and where it is
/// shown, `catalogue.text(of:)` says it in the interface's language.
public protocol WordedError: Error, CustomStringConvertible {
    /// English, `%s` for each argument, marked N_ where it is written.
    var messageID: String { get }
    var arguments: [String] { get }
}

extension WordedError {
    public var description: String { Catalogue.english.tr(messageID, arguments: arguments) }
}

extension Catalogue {
    /// An error's text in this language when qnread worded it (a `WordedError`, or an error that words itself as
    /// a message argument, such as a feeds-list problem); any other error as it describes itself.
    public func text(of error: any Error) -> String {
        if let worded = error as? any WordedError { return tr(worded.messageID, arguments: worded.arguments) }
        if let wording = error as? any MessageArgument { return wording.text(in: self) }
        return "\(error)"
    }
}

/// The plain worded error: a message id and its arguments. Modules name it after what failed
/// (`ProgramLauncher.Failure`, `ArticleFile.Failure`).
public struct WordedFailure: WordedError, Hashable, Sendable {
    public var messageID: String
    public var arguments: [String]

    public init(_ messageID: String, _ arguments: String...) {
        self.init(messageID, arguments: arguments)
    }

    public init(_ messageID: String, arguments: [String]) {
        self.messageID = messageID
        self.arguments = arguments
    }
}
