import CLibXML2
import Foundation
import TextSafety

/// A feed an HTML page advertises with `<link rel="alternate" type="application/rss+xml" href="…">`.
public struct DiscoveredFeed: Sendable, Hashable {
    public var url: String
    /// "application/rss+xml", "application/atom+xml", "application/feed+json"… as the page declares it.
    public var type: String
    /// The link's `title`, as plain text.
    public var title: String?

    public init(url: String, type: String, title: String? = nil) {
        self.url = url
        self.type = type
        self.title = title
    }
}

/// The feeds an HTML page advertises, read with libxml2's HTML parser: for `feeds add` on a web page
/// (autodiscovery) and for the "not a feed" message, which names where the feed is.
public enum HTMLFeedLinks {
    private static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json",
                                                 "application/json", "application/rdf+xml", "text/xml", "application/xml"]

    /// The advertised feeds in page order, without duplicates, resolved against `<base href>` then `pageURL`.
    /// Links to anything but http(s) are dropped; with no URL to resolve against, relative links stay as written.
    public static func feeds(in page: Data, pageURL: URL?) -> [DiscoveredFeed] {
        page.withUnsafeBytes { feeds(in: $0, pageURL: pageURL) }
    }

    static func feeds(in bytes: UnsafeRawBufferPointer, pageURL: URL?) -> [DiscoveredFeed] {
        LibXML.initialize()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        guard let base = bytes.baseAddress,
              let document = htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(min(bytes.count, Int(Int32.max))), nil, nil, options)
        else { return [] }
        defer { xmlFreeDoc(document) }
        var feeds: [DiscoveredFeed] = []
        var pageBase = pageURL
        visit(xmlDocGetRootElement(document)) { node in
            let name = String(cString: node.pointee.name).lowercased()
            // Feeds are advertised in the head (RSS autodiscovery); a link in the body is content.
            if name == "body" { return false }
            if name == "base", let href = attribute(node, "href") {
                pageBase = URL(string: href, relativeTo: pageURL)?.absoluteURL ?? pageBase
            }
            guard name == "link",
                  let rel = attribute(node, "rel")?.lowercased(), rel.split(whereSeparator: \.isWhitespace).contains("alternate"),
                  let type = attribute(node, "type")?.lowercased().trimmingCharacters(in: .whitespaces), feedTypes.contains(type),
                  let href = attribute(node, "href")?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty
            else { return true }
            let url = PlainText.sanitized(pageBase.flatMap { URLText.resolve(href, against: $0) } ?? href)
            let lowered = url.lowercased()
            if URLText.hasScheme(url), !lowered.hasPrefix("http:"), !lowered.hasPrefix("https:") { return true }
            guard !feeds.contains(where: { $0.url == url }) else { return true }
            let title = attribute(node, "title").flatMap(PlainText.fromText)
            feeds.append(DiscoveredFeed(url: url, type: type == "application/json" ? "application/feed+json" : type, title: title))
            return true
        }
        return feeds
    }

    /// Whether `data` is a web page rather than a feed, by its first markup as the parser sniffs it: never by the
    /// media type, since many servers send feeds as `text/html` and a few send pages as `application/xml`.
    public static func isWebPage(_ data: Data) -> Bool {
        data.withUnsafeBytes { FeedSniffer.sniff($0) == .html }
    }

    /// The advertised feeds' URLs, for the "not a feed" message.
    static func find(in bytes: UnsafeRawBufferPointer, pageURL: URL?) -> [String] {
        feeds(in: bytes, pageURL: pageURL).map(\.url)
    }

    /// Every element in document order; `body` returns false to skip an element's children.
    private static func visit(_ node: xmlNodePtr?, _ body: (xmlNodePtr) -> Bool) {
        var current = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE, body(element) {
                visit(element.pointee.children, body)
            }
            current = element.pointee.next
        }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { qn_xml_free(value) }
        return String(cString: value)
    }
}
