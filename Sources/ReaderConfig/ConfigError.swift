/// A problem in a file the reader wrote, named by file and line: `config.toml:12: unknown action "jump"`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the reader knows it (not the whole path).
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
    }
}
