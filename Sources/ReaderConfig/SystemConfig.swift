import Foundation
import TOMLKit

/// The admin's `/etc/qnread/config.toml` (path overridable with `QNREAD_SYSTEM_CONFIG`). Only what concerns the
/// shared feeds lives here: `feeds_url`, a remote OPML list merged into the system list.
public struct SystemConfig: Hashable, Sendable {
    /// `feeds_url = "https://…/feeds.opml"`: fetched on reload, cached, used offline from the cache.
    public var feedsURL: String?

    public init(feedsURL: String? = nil) {
        self.feedsURL = feedsURL
    }

    /// Reads the file; a missing file is an empty config. Problems come back with the file and line.
    public static func load(_ url: URL) -> (config: SystemConfig, problems: [FeedListProblem]) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return (SystemConfig(), []) }
        return parse(text, file: url.path)
    }

    static func parse(_ text: String, file: String) -> (config: SystemConfig, problems: [FeedListProblem]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (SystemConfig(), [FeedListProblem(file: file, line: error.source.begin.line, reason: error.description)])
        } catch {
            return (SystemConfig(), [FeedListProblem(file: file, line: 0, reason: "\(error)")])
        }
        guard let value = table["feeds_url"] else { return (SystemConfig(), []) }
        guard let url = value.string else {
            return (SystemConfig(), [FeedListProblem(file: file, line: Self.line(of: "feeds_url", in: text),
                                                     reason: "feeds_url must be a string")])
        }
        if let reason = FeedURLCheck.problem(with: url) {
            return (SystemConfig(), [FeedListProblem(file: file, line: Self.line(of: "feeds_url", in: text), reason: reason)])
        }
        return (SystemConfig(feedsURL: url), [])
    }

    private static func line(of key: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingSpaces.hasPrefix(key) {
            return index + 1
        }
        return 0
    }
}
