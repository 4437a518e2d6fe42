import Foundation

/// Whether fetched bytes are a web page rather than a feed, from their first markup: `feeds add` then looks in
/// the page for the feeds it advertises (FeedParsing's HTMLFeedLinks).
public enum HTMLPageSniffer {
    /// True when the first markup in `data` is an HTML doctype or `<html>`/`<head>` tag.
    public static func startsLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
        guard let start = head.firstIndex(of: "<") else { return false }
        let rest = head[start...]
        return rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html") || rest.hasPrefix("<head")
            || (rest.hasPrefix("<!--") && (head.contains("<html") || head.contains("<!doctype html")))
    }
}
