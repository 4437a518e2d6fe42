import Localization
import FilterLanguage
import TOMLKit

// config.toml's killfile, newsboat's `ignore-mode` and `ignore-article` as TOML:
//
//     ignore_mode = "download"      # or "display"
//     [[ignore]]
//     feed = "*"                    # or a feed's URL, a glob on URLs, or newsboat's "regex:PATTERN"
//     filter = 'title =~ "Commandité" or author = "Robot"'
//
// A rule that cannot be used is reported at its line (a bad filter as `filter: column N: reason`) and left out;
// the other rules still apply.

extension ConfigReader {
    mutating func readIgnoreMode(_ value: TOMLValueConvertible) {
        guard let mode = value.string.flatMap(Killfile.Mode.init(rawValue:)) else {
            return fail(at: ["ignore_mode"], message: N_("ignore_mode must be \"download\" or \"display\""))
        }
        config.killfile.mode = mode
    }

    mutating func readIgnore(_ value: TOMLValueConvertible) {
        guard let array = value.array else {
            return fail(at: ["ignore"], message: N_("ignore must be [[ignore]] tables, each with a feed and a filter"))
        }
        for index in 0..<array.count {
            let path = ["ignore", String(index)]
            guard let table = array[index].table else {
                fail(at: path, message: N_("each ignore rule must be a table with a feed and a filter"))
                continue
            }
            if let unknown = table.keys.first(where: { $0 != "feed" && $0 != "filter" }) {
                fail(at: path + [unknown], message: N_("unknown key \"%s\" in [[ignore]] (use feed and filter)"), unknown)
                continue
            }
            let feed = table["feed"].map { $0.string } ?? "*"
            guard let feed, !feed.isEmpty, !feed.contains(where: { $0.isWhitespace || $0.isASCIIControl }) else {
                fail(at: path + ["feed"], message: N_("feed must be \"*\", a feed's URL, a glob on URLs such as \"https://*.example/*\" or \"regex:PATTERN\""))
                continue
            }
            if feed.hasPrefix("regex:"), let problem = FilterRegex.problem(with: String(feed.dropFirst("regex:".count))) {
                fail(at: path + ["feed"], Words(N_("feed: %s"), arguments: [.words(problem)]))
                continue
            }
            guard let text = table["filter"]?.string else {
                fail(at: path + ["filter"], message: N_("[[ignore]] needs a filter, such as filter = 'title =~ \"Commandité\"'"))
                continue
            }
            do {
                config.killfile.rules.append(Killfile.Rule(feed: feed, filter: try FilterExpression(parsing: text)))
            } catch {
                fail(at: path + ["filter"], error.words)
            }
        }
    }
}

private extension Character {
    var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
}
