import Localization

/// A problem in a file the reader wrote, named by file and line: `config.toml:12: unknown action "jump"`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the reader knows it (not the whole path).
    public var file: String
    public var line: Int?
    /// In English.
    public var reason: String
    /// The reason as the catalogue knows it, `%s` for each argument, when qnread worded it (not TOMLKit or the
    /// filter parser): `description(in:)` says it in another language.
    public var messageID: String?
    public var arguments: [String] = []

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public init(file: String, line: Int?, messageID: String, arguments: [String] = []) {
        self.init(file: file, line: line, reason: Catalogue.english.tr(messageID, arguments: arguments))
        self.messageID = messageID
        self.arguments = arguments
    }

    public var description: String { description(in: .english) }

    /// `config.toml:12: …` with the reason in the catalogue's language; the file and line never change.
    public func description(in catalogue: Catalogue) -> String {
        let reason = messageID.map { catalogue.tr($0, arguments: arguments) } ?? reason
        return line.map { "\(file):\($0): " + reason } ?? "\(file): " + reason
    }
}
