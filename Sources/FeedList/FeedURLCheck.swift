import FilterLanguage
import Foundation
import Localization

/// Which URLs a feeds list may name: http(s) with a host, file:// or an absolute path, qnread's bundled feeds, and
/// query feeds (newsboat's `query:NAME:FILTER`, our `search:NAME:WORDS`) whose filter parses. newsboat's `exec:` and
/// `filter:` lines are reported and skipped: qnread never runs commands.
enum FeedURLCheck {
    static func problem(with url: String) -> Words? {
        do {
            if try QueryFeed(url: url) != nil { return nil }
        } catch {
            return Words(N_("%s; skipped"), arguments: [.words(error.words)])
        }
        let lowered = url.lowercased()
        if lowered.hasPrefix("exec:") || lowered.hasPrefix("filter:") {
            return Words(N_("“%s:” feeds run commands, which qnread never does; skipped"), String(lowered.prefix { $0 != ":" }))
        }
        if url.hasPrefix("/") { return nil }
        if url == DemoFeed.url { return nil }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased() else {
            return Words(N_("“%s” is not a URL"), url)
        }
        switch scheme {
        case "http", "https":
            return parsed.host?.isEmpty == false ? nil : Words(N_("“%s” has no host"), url)
        case "file":
            return parsed.path.isEmpty ? Words(N_("“%s” names no file"), url) : nil
        default:
            return Words(N_("“%s” is not a URL (qnread reads http, https and file URLs)"), url)
        }
    }
}
