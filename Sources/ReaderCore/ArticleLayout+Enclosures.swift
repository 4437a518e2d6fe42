import ArticleText
import FeedModel
import Foundation
import ScreenKit

extension ArticleLayout {
    /// The body's links, then the article's enclosures numbered after them (one already linked from the body
    /// keeps its number and gains its details), each enclosure with its size and duration. The pager and
    /// `qnread show` number them the same way.
    public static func numberedLinks(document: ArticleDocument, enclosures: [Enclosure]) -> [ArticleLink] {
        var links = document.links
        var next = (links.map(\.number).max() ?? 0) + 1
        for enclosure in enclosures {
            let detail = enclosureDetail(enclosure)
            if let index = links.firstIndex(where: { $0.url == enclosure.url }) {
                links[index].kind = kind(of: enclosure)
                links[index].detail = detail
                continue
            }
            links.append(ArticleLink(number: next, url: enclosure.url, kind: kind(of: enclosure), detail: detail))
            next += 1
        }
        return links
    }

    /// The header, the body, then every link and enclosure: `qnread show` for a stored article.
    public static func page(header: ArticleHeader, document: ArticleDocument, enclosures: [Enclosure], width: Int) -> [StyledLine] {
        var out = headerLines(header, width: width) + [StyledLine()] + bodyLines(for: document, width: width)
        let links = linkLines(numberedLinks(document: document, enclosures: enclosures), width: width)
        if !links.isEmpty {
            out.append(StyledLine())
            out += links
        }
        return out
    }

    /// `12.3 MB, 45:30`; the type when it is not audio, video or an image (a PDF); nil when nothing is known.
    static func enclosureDetail(_ enclosure: Enclosure) -> String? {
        var parts: [String] = []
        if kind(of: enclosure) == .link, let type = enclosure.type { parts.append(type) }
        // "12.6 MB" stays on one line.
        if let length = enclosure.length { parts.append(MediaText.size(length).replacingOccurrences(of: " ", with: "\u{00A0}")) }
        if let duration = enclosure.duration { parts.append(MediaText.duration(duration)) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func kind(of enclosure: Enclosure) -> ArticleLink.Kind {
        let type = enclosure.type?.lowercased() ?? ""
        if type.hasPrefix("audio/") { return .audio }
        if type.hasPrefix("video/") { return .video }
        if type.hasPrefix("image/") { return .image }
        return .link
    }
}
