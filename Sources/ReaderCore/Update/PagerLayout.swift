import ArticleText
import FeedModel
import ScreenKit

/// The pager's lines for one width: a header, the rendered body, then the numbered links and enclosures.
struct PagerLayout {
    private(set) var lines: [StyledLine] = []
    /// Link number → URL.
    private(set) var targets: [Int: String] = [:]
    private(set) var linksLine: Int?

    init(article: Article, document: ArticleDocument, width: Int, dateText: DateText) {
        func field(_ label: String, _ value: String, roles: Set<TextRole> = []) {
            let text = ScreenText.sanitized(value)
            lines.append(StyledLine([StyledSpan(label + ": ", roles: [.dim]),
                                     StyledSpan(DisplayWidth.truncate(text, toWidth: max(0, width - label.count - 2)),
                                                roles: roles)]))
        }
        let title = ScreenText.sanitized(article.title)
        lines.append(StyledLine([StyledSpan(DisplayWidth.truncate(title.isEmpty ? "(untitled)" : title, toWidth: width),
                                            roles: [.heading])]))
        field("Feed", article.feedTitle)
        if !article.authors.isEmpty { field("Author", article.authors.joined(separator: ", ")) }
        field("Date", dateText.string(from: article.date))
        if let link = article.link { field("Link", link, roles: [.link]) }
        lines.append(StyledLine())
        lines += ArticleLayout.lines(for: document, width: width)

        var numbered: [(Int, String, String)] = document.links.map { ($0.number, $0.url, $0.kind.rawValue) }
        var next = (numbered.map(\.0).max() ?? 0) + 1
        for enclosure in article.enclosures where !numbered.contains(where: { $0.1 == enclosure.url }) {
            let details = [enclosure.type, enclosure.length.map(PagerLayout.byteCount)].compactMap { $0 }
            numbered.append((next, enclosure.url, (["enclosure"] + details).joined(separator: ", ")))
            next += 1
        }
        guard !numbered.isEmpty else { return }
        lines.append(StyledLine())
        linksLine = lines.count
        lines.append(StyledLine([StyledSpan("Links", roles: [.heading])]))
        for (number, url, kind) in numbered {
            targets[number] = url
            let label = "[\(number)] "
            let suffix = " (\(kind))"
            let room = max(0, width - DisplayWidth.of(label) - DisplayWidth.of(suffix))
            lines.append(StyledLine([StyledSpan(label, roles: [.dim]),
                                     StyledSpan(DisplayWidth.truncate(ScreenText.sanitized(url), toWidth: room), roles: [.link]),
                                     StyledSpan(suffix, roles: [.dim])]))
        }
    }

    static func byteCount(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
