import FeedModel
import TextSafety

/// The header lines of a feed request beyond the User-Agent: what qnread accepts, and the validators the store
/// kept for a conditional GET. Pure.
enum RequestHeaders {
    static let accept = "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
        + "text/xml;q=0.9, */*;q=0.8"

    static func lines(for validators: FeedValidators) -> [String] {
        var lines = [accept]
        if let etag = validators.etag.flatMap(value) { lines.append("If-None-Match: \(etag)") }
        if let date = validators.lastModified.flatMap(value) { lines.append("If-Modified-Since: \(date)") }
        return lines
    }

    /// A validator came from a server once: no control character of it may end the line and start another header.
    private static func value(_ text: String) -> String? {
        let line = SafeText.collapsedLine(text)
        return line.isEmpty ? nil : line
    }
}
