import Foundation
import Localization
import TextSafety

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org) → `ParsedFeed`. `content_text` becomes escaped HTML,
/// `summary` too (it is plain text in JSON Feed); 1.0's `author` and 1.1's `authors` both become authors.
enum JSONFeedReader {
    static func parse(_ data: Data, fetchURL: URL?, input: String) throws -> ParsedFeed {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes, options: [])
        } catch {
            throw FeedParseError(input: input, Words(N_("not a feed: invalid JSON")))
        }
        guard let root = object as? [String: Any] else {
            throw FeedParseError(input: input, Words(N_("not a feed: JSON, but not a JSON Feed object")))
        }
        guard let version = root["version"] as? String, version.contains("1") || root["items"] is [Any] else {
            throw FeedParseError(input: input, Words(N_("not a feed: JSON without a JSON Feed \"version\"")))
        }
        var warnings: [String] = []
        let format: FeedFormat = version.hasSuffix("1.1") ? .json11 : .json10
        let homePage = string(root["home_page_url"]).flatMap { resolve($0, fetchURL) }
        let base = homePage.flatMap(URLText.absoluteURL) ?? fetchURL
        var feed = ParsedFeed(format: format)
        feed.title = string(root["title"]).flatMap(PlainText.fromText)
        feed.link = homePage
        feed.feedURL = string(root["feed_url"]).flatMap { resolve($0, base) }
        feed.description = string(root["description"]).flatMap(PlainText.fromText)
        feed.language = string(root["language"]).flatMap(PlainText.fromText)
        feed.image = (string(root["icon"]) ?? string(root["favicon"])).flatMap { resolve($0, base) }
        feed.authors = authors(root, base: base)
        for (index, element) in (root["items"] as? [Any] ?? []).enumerated() {
            guard let entry = element as? [String: Any] else { continue }
            feed.items.append(item(entry, number: index + 1, base: base, warnings: &warnings))
        }
        feed.warnings = warnings
        return feed
    }

    private static func item(_ entry: [String: Any], number: Int, base: URL?, warnings: inout [String]) -> ParsedItem {
        var item = ParsedItem()
        if let id = entry["id"] as? String {
            item.id = PlainText.sanitized(id)
        } else if let id = entry["id"] as? NSNumber {
            item.id = id.stringValue // 1.0 feeds that wrote ids as numbers
        }
        item.title = string(entry["title"]).flatMap(PlainText.fromText)
        item.link = (string(entry["url"]) ?? string(entry["external_url"])).flatMap { resolve($0, base) }
        item.content = string(entry["content_html"]) ?? string(entry["content_text"]).map(HTMLText.fromPlainText)
        item.summary = string(entry["summary"]).map(HTMLText.fromPlainText)
        item.published = date(entry["date_published"], number, &warnings)
        item.updated = date(entry["date_modified"], number, &warnings)
        item.authors = authors(entry, base: base)
        item.categories = (entry["tags"] as? [Any] ?? []).compactMap { string($0).flatMap(PlainText.fromText) }
        item.enclosures = (entry["attachments"] as? [Any] ?? []).compactMap { element -> ParsedEnclosure? in
            guard let attachment = element as? [String: Any], let url = string(attachment["url"]).flatMap({ resolve($0, base) }) else { return nil }
            let size = (attachment["size_in_bytes"] as? NSNumber)?.int64Value
            let seconds = (attachment["duration_in_seconds"] as? NSNumber)?.doubleValue
            return ParsedEnclosure(url: url, type: string(attachment["mime_type"]), length: size.flatMap { $0 > 0 ? $0 : nil },
                                   duration: seconds.flatMap { $0 >= 0 && $0 <= Double(EnclosureDuration.maxSeconds) ? Int($0) : nil },
                                   title: string(attachment["title"]).flatMap(PlainText.fromText))
        }
        return item
    }

    private static func authors(_ object: [String: Any], base: URL?) -> [ParsedPerson] {
        let list = (object["authors"] as? [Any]) ?? (object["author"].map { [$0] } ?? [])
        return list.compactMap { element in
            guard let author = element as? [String: Any] else { return nil }
            let person = ParsedPerson(name: string(author["name"]).flatMap(PlainText.fromText),
                                      uri: string(author["url"]).flatMap { resolve($0, base) })
            return person.name == nil && person.uri == nil ? nil : person
        }
    }

    private static func date(_ value: Any?, _ number: Int, _ warnings: inout [String]) -> Date? {
        guard let text = string(value) else { return nil }
        if let parsed = FeedDate.parse(text) { return parsed }
        warnings.append("unparseable date “\(PlainText.sanitized(text))” in item \(number)")
        return nil
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func resolve(_ reference: String, _ base: URL?) -> String? {
        let clean = PlainText.sanitized(reference)
        guard !clean.isEmpty else { return nil }
        if URLText.hasScheme(clean) { return clean }
        return base.flatMap { URLText.resolve(clean, against: $0) } ?? clean
    }
}
