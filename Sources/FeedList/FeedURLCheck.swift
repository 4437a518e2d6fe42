import FilterLanguage
import Foundation

/// Which URLs a feeds list may name: http(s) with a host, file:// or an absolute path, qnread's bundled feeds, and
/// query feeds (newsboat's `query:NAME:FILTER`, our `search:NAME:WORDS`) whose filter parses. newsboat's `exec:` and
/// `filter:` lines are reported and skipped: qnread never runs commands.
enum FeedURLCheck {
    static func problem(with url: String) -> String? {
        do {
            if try QueryFeed(url: url) != nil { return nil }
        } catch {
            return "\(error); skipped"
        }
        let lowered = url.lowercased()
        if lowered.hasPrefix("exec:") || lowered.hasPrefix("filter:") {
            return "“\(lowered.prefix { $0 != ":" }):” feeds run commands, which qnread never does; skipped"
        }
        if url.hasPrefix("/") { return nil }
        if url == DemoFeed.url { return nil }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased() else {
            return "“\(url)” is not a URL"
        }
        switch scheme {
        case "http", "https":
            return parsed.host?.isEmpty == false ? nil : "“\(url)” has no host"
        case "file":
            return parsed.path.isEmpty ? "“\(url)” names no file" : nil
        default:
            return "“\(url)” is not a URL (qnread reads http, https and file URLs)"
        }
    }
}
