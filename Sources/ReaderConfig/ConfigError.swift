import Localization

/// A problem in a file the reader wrote, named by file and line: `config.toml:12: unknown action "jump"`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the reader knows it (not the whole path).
    public var file: String
    public var line: Int?
    /// In English.
    public var reason: String
    /// The reason as the catalogue knows it, when qnread worded it (not TOMLKit): `description(in:)` says it in
    /// another language.
    public var words: Words?

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public init(file: String, line: Int?, messageID: String, arguments: [String] = []) {
        self.init(file: file, line: line, words: Words(messageID, arguments: arguments.map(Words.Argument.text)))
    }

    public init(file: String, line: Int?, words: Words) {
        self.init(file: file, line: line, reason: words.description)
        self.words = words
    }

    public var description: String { description(in: .english) }

    /// `config.toml:12: …` with the reason in the catalogue's language; the file and line never change.
    public func description(in catalogue: Catalogue) -> String {
        let reason = words?.text(in: catalogue) ?? reason
        return line.map { "\(file):\($0): " + reason } ?? "\(file): " + reason
    }
}
