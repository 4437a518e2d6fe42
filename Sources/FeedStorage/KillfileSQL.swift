import FilterLanguage
import Foundation
import GRDB

/// A killfile as one SQL condition over `a`, `s` and `f`, like a filter (FilterSQL): true for an article some rule
/// hides. A rule's feed is `*` (every feed), newsboat's `regex:PATTERN` (the filters' regular expressions, on the
/// feed's URL), or a URL or glob on the feed's URL (`https://*.example/*`); the URL is also compared as written, so
/// a `?` or `[` in a real URL never stops it from matching itself.
struct KillfileSQL {
    private(set) var sql = "0"
    private(set) var arguments = StatementArguments()

    init(_ killfile: Killfile, now: Date) {
        var rules: [String] = []
        for rule in killfile.rules {
            let filter = FilterSQL(rule.filter, now: now)
            if rule.feed == "*" {
                rules.append(filter.sql)
            } else if rule.feed.hasPrefix("regex:") {
                _ = arguments.append(contentsOf: [String(rule.feed.dropFirst("regex:".count))])
                rules.append("(qnread_regexp(?, f.url) AND \(filter.sql))")
            } else {
                _ = arguments.append(contentsOf: [rule.feed, rule.feed])
                rules.append("((f.url = ? OR f.url GLOB ?) AND \(filter.sql))")
            }
            _ = arguments.append(contentsOf: filter.arguments)
        }
        if !rules.isEmpty { sql = "(" + rules.joined(separator: " OR ") + ")" }
    }
}
