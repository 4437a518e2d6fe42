import FeedModel
import Foundation

/// A feed an HTML page advertises with `<link rel="alternate" type="application/rss+xml" href="…">`.
public struct DiscoveredFeed: Sendable, Hashable {
    public var url: String
    /// "application/rss+xml", "application/atom+xml" or "application/feed+json".
    public var type: String
    /// The link's `title`, cleaned of control characters.
    public var title: String?

    public init(url: String, type: String, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}

/// Finds feed links in an HTML page (autodiscovery). A small tag scanner over the `<head>`, not an HTML parser:
/// FeedFetching may not depend on libxml2, and the links live in a handful of well-formed `<link>` tags.
public enum FeedLinkScanner {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json",
                                         "application/json"]

    /// The advertised feeds in page order, absolute (resolved against `<base href>`, then `pageURL`), no duplicates.
    public static func feedLinks(in html: Data, pageURL: URL) -> [DiscoveredFeed] {
        // Links are in the head; 512 KiB is far more than any real head.
        let text = String(decoding: html.prefix(512 * 1024), as: UTF8.self)
        var base = pageURL
        var found: [DiscoveredFeed] = []
        var seen = Set<String>()
        for tag in tags(in: text) {
            switch tag.name {
            case "base":
                if let href = tag.attributes["href"], let url = URL(string: href, relativeTo: pageURL) { base = url.absoluteURL }
            case "link":
                let rel = Set((tag.attributes["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init))
                let type = (tag.attributes["type"] ?? "").lowercased().trimmingCharacters(in: .whitespaces)
                guard rel.contains("alternate"), feedTypes.contains(type),
                      let href = tag.attributes["href"]?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty,
                      let url = URL(string: href, relativeTo: base)?.absoluteURL,
                      ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { continue }
                guard seen.insert(url.absoluteString).inserted else { continue }
                let title = tag.attributes["title"].map(SafeText.collapsedLine).flatMap { $0.isEmpty ? nil : $0 }
                found.append(DiscoveredFeed(url: url.absoluteString, type: type == "application/json" ? "application/feed+json" : type,
                                            title: title))
            case "body":
                return found
            default:
                continue
            }
        }
        return found
    }

    /// True when the first markup in `data` is an HTML doctype or `<html>`/`<head>` tag.
    public static func startsLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
        guard let start = head.firstIndex(of: "<") else { return false }
        let rest = head[start...]
        return rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html") || rest.hasPrefix("<head")
            || (rest.hasPrefix("<!--") && (head.contains("<html") || head.contains("<!doctype html")))
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    /// Start tags in order, with attributes (names lowercased, entities in values decoded).
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<" else { i += 1; continue }
            i += 1
            if i + 2 < scalars.count, scalars[i] == "!", scalars[i + 1] == "-", scalars[i + 2] == "-" {
                i = skipComment(scalars, from: i + 3)
                continue
            }
            var name = ""
            while i < scalars.count, isNameScalar(scalars[i]) { name.unicodeScalars.append(scalars[i]); i += 1 }
            guard !name.isEmpty else { continue }
            var attributes: [String: String] = [:]
            while i < scalars.count, scalars[i] != ">" {
                if scalars[i].properties.isWhitespace || scalars[i] == "/" { i += 1; continue }
                var key = ""
                while i < scalars.count, !scalars[i].properties.isWhitespace, !"=>/".unicodeScalars.contains(scalars[i]) {
                    key.unicodeScalars.append(scalars[i]); i += 1
                }
                while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
                var value = ""
                if i < scalars.count, scalars[i] == "=" {
                    i += 1
                    while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
                    if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" {
                        let quote = scalars[i]
                        i += 1
                        while i < scalars.count, scalars[i] != quote { value.unicodeScalars.append(scalars[i]); i += 1 }
                        i += 1
                    } else {
                        while i < scalars.count, !scalars[i].properties.isWhitespace, scalars[i] != ">" {
                            value.unicodeScalars.append(scalars[i]); i += 1
                        }
                    }
                }
                if key.isEmpty { i += 1; continue }
                let lowered = key.lowercased()
                if attributes[lowered] == nil { attributes[lowered] = TextCleaning.decodeEntities(value) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
            // The content of script and style is not markup.
            if name.lowercased() == "script" || name.lowercased() == "style" {
                i = skipRawText(scalars, from: i, until: "</" + name.lowercased())
            }
        }
        return tags
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
    }

    private static func skipComment(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i + 2 < scalars.count {
            if scalars[i] == "-", scalars[i + 1] == "-", scalars[i + 2] == ">" { return i + 3 }
            i += 1
        }
        return scalars.count
    }

    private static func skipRawText(_ scalars: [Unicode.Scalar], from start: Int, until closing: String) -> Int {
        let needle = Array(closing.unicodeScalars)
        var i = start
        while i + needle.count <= scalars.count {
            if zip(scalars[i..<i + needle.count], needle).allSatisfy({ $0.properties.lowercaseMapping == String($1) }) {
                return i
            }
            i += 1
        }
        return scalars.count
    }
}
