import FeedList
import FeedModel
import Foundation
import Localization
import TOMLKit

// Reading the admin's config.toml into FeedList's `SystemConfig`. Here, not beside the value, so the feeds list
// and the refresher are handed a plain value and never link a TOML parser.
extension SystemConfig {
    /// Reads the file; a missing file is an empty config. Problems come back in `problems`, with the file and line.
    public static func load(_ url: URL) -> SystemConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return SystemConfig() }
        return parse(text, file: url.path)
    }

    static func parse(_ text: String, file: String) -> SystemConfig {
        func problem(line: Int, _ reason: Words) -> SystemConfig {
            SystemConfig(problems: [FeedListProblem(file: file, line: line, reason: reason)])
        }
        let table: TOMLTable
        do {
            table = try TOMLDocument.table(text)
        } catch {
            return problem(line: error.line ?? 0, error.isWorded ? Words(error.reason) : Words("%s", error.reason))
        }
        guard let value = table["feeds_url"] else { return SystemConfig() }
        let line = TOMLKeyLines(text).line(of: ["feeds_url"]) ?? 0
        guard let url = value.string else {
            return problem(line: line, Words(N_("feeds_url must be a string")))
        }
        if let reason = FeedListFile.problem(withURL: url) {
            return problem(line: line, reason)
        }
        return SystemConfig(feedsURL: url)
    }
}
