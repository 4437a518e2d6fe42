import Foundation
import Localization

/// A feeds list as written: every line kept (comments, blank lines, even lines it could not use), so edits
/// change only the lines they touch and the file keeps its order and comments. Pure: no disk here
/// (see `FeedListFile+Disk.swift`).
public struct FeedListFile: Hashable, Sendable {
    public enum Line: Hashable, Sendable {
        case entry(FeedListEntry, text: String)
        /// `!URL`: this feed, inherited from a list below (the system list), is left out.
        case exclusion(url: String, text: String)
        /// A comment, a blank line, or a line reported as a problem.
        case other(String)

        var text: String {
            switch self {
            case .entry(_, let text), .exclusion(_, let text), .other(let text): text
            }
        }
    }

    /// Shown in problems ("feeds:12: …"); usually the path.
    public var name: String
    public private(set) var lines: [Line]
    public private(set) var problems: [FeedListProblem]

    public init(name: String, text: String) {
        self.name = name
        var lines: [Line] = []
        var problems: [FeedListProblem] = []
        var firstLineOf: [String: Int] = [:]
        for (index, raw) in Self.splitLines(text).enumerated() {
            let number = index + 1
            switch FeedListLineParser.parse(raw) {
            case .blankOrComment:
                lines.append(.other(raw))
            case .problem(let reason):
                problems.append(FeedListProblem(file: name, line: number, reason: reason))
                lines.append(.other(raw))
            case .exclusion(let url):
                lines.append(.exclusion(url: url, text: raw))
            case .entry(let entry):
                if let first = firstLineOf[entry.url] {
                    problems.append(FeedListProblem(file: name, line: number,
                                                    reason: Words(N_("%s is already listed on line %s; skipped"), entry.url, String(first))))
                    lines.append(.other(raw))
                } else {
                    firstLineOf[entry.url] = number
                    lines.append(.entry(entry, text: raw))
                }
            }
        }
        self.lines = lines
        self.problems = problems
    }

    /// Why `url` cannot be listed ("“htp://x” is not a URL"), or nil when it can.
    public static func problem(withURL url: String) -> Words? {
        FeedURLCheck.problem(with: url)
    }

    /// The feeds, in file order.
    public var entries: [FeedListEntry] {
        lines.compactMap { if case .entry(let entry, _) = $0 { entry } else { nil } }
    }

    /// URLs this list leaves out of the lists below it.
    public var exclusions: [String] {
        lines.compactMap { if case .exclusion(let url, _) = $0 { url } else { nil } }
    }

    /// The file's text: untouched lines byte for byte, one newline after each.
    public var text: String {
        lines.map { $0.text + "\n" }.joined()
    }

    public func entry(for url: String) -> FeedListEntry? {
        entries.first { $0.url == url }
    }

    /// Adds the feed at the end, or merges tags and title into its line when it is already there. Returns false
    /// when nothing changed. An exclusion of the same URL is dropped: adding a feed means wanting it.
    @discardableResult
    public mutating func add(_ entry: FeedListEntry) -> Bool {
        let hadExclusion = removeExclusion(of: entry.url)
        if let index = lines.firstIndex(where: { if case .entry(let e, _) = $0 { e.url == entry.url } else { false } }),
           case .entry(var existing, _) = lines[index] {
            let before = existing
            for tag in entry.tags where !existing.tags.contains(tag) { existing.tags.append(tag) }
            if let title = entry.title { existing.title = title }
            existing.isHidden = existing.isHidden || entry.isHidden
            guard existing != before else { return hadExclusion }
            lines[index] = .entry(existing, text: existing.line)
            return true
        }
        lines.append(.entry(entry, text: entry.line))
        return true
    }

    /// Removes the feed's line; false when it was not listed here.
    @discardableResult
    public mutating func remove(url: String) -> Bool {
        let before = lines.count
        lines.removeAll { if case .entry(let e, _) = $0 { e.url == url } else { false } }
        return lines.count != before
    }

    /// Points the feed's line at `newURL`, keeping its tags, title and place; false when `url` is not listed here.
    @discardableResult
    public mutating func replaceURL(_ url: String, with newURL: String) -> Bool {
        guard let index = lines.firstIndex(where: { if case .entry(let e, _) = $0 { e.url == url } else { false } }),
              case .entry(var entry, _) = lines[index] else { return false }
        if self.entry(for: newURL) != nil {
            lines.remove(at: index)
            return true
        }
        entry.url = newURL
        lines[index] = .entry(entry, text: entry.line)
        return true
    }

    /// Leaves `url` out of the lists below (`!URL`); false when it already was.
    @discardableResult
    public mutating func exclude(url: String) -> Bool {
        guard !exclusions.contains(url) else { return false }
        lines.append(.exclusion(url: url, text: "!" + url))
        return true
    }

    @discardableResult
    public mutating func removeExclusion(of url: String) -> Bool {
        let before = lines.count
        lines.removeAll { if case .exclusion(let u, _) = $0 { u == url } else { false } }
        return lines.count != before
    }

    /// Appends a comment line (the text after "# ").
    public mutating func appendComment(_ comment: String) {
        lines.append(.other(comment.isEmpty ? "#" : "# " + comment))
    }

    private static func splitLines(_ text: String) -> [String] {
        // Split at the newline byte: a line feed is never part of a character larger than "\r\n" (Unicode always
        // breaks around it), so these are the lines the Character view gives, without walking graphemes backwards
        // (35 M instructions for a list of 200 feeds). A carriage return left at a line's end ("\r\r\n", or a last
        // line cut after its "\r") is line ending too: kept, it would join the newline that `text` writes after it
        // into one "\r\n", and the line would read back shorter.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == UInt8(ascii: "\r") { end = line.index(before: end) }
            return String(decoding: line[..<end], as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
