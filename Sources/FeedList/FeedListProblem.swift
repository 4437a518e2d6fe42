import Localization

/// A line of a feeds list that could not be used: `FILE:LINE: reason`. The line is skipped, the rest loads.
/// The reason is `Words`, said in each program's language where it is shown (`text(in:)`); the file and line never
/// change.
public struct FeedListProblem: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    public var reason: Words

    public init(file: String, line: Int, reason: Words) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// A reason qnread did not word (a TOML library's), shown as it is in every language.
    public init(file: String, line: Int, text: String) {
        self.init(file: file, line: line, reason: Words("%s", text))
    }

    public var description: String { text(in: .english) }

    public func text(in catalogue: Catalogue) -> String {
        let reason = reason.text(in: catalogue)
        return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}
