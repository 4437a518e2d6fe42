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
        // A URL is shown whole, broken anywhere onto indented lines: a cut link cannot be checked before opening.
        func url(_ prefix: StyledSpan, _ value: String, suffix: StyledSpan? = nil) {
            let indent = DisplayWidth.of(prefix.text)
            var chunks = PagerLayout.chunks(ScreenText.sanitized(value), first: width - indent, rest: width - 4)
            var spans = [prefix]
            if let suffix, let last = chunks.last, DisplayWidth.of(last) + DisplayWidth.of(suffix.text) > (chunks.count == 1 ? width - indent : width - 4) {
                chunks.append("")
            }
            for (index, chunk) in chunks.enumerated() {
                if index > 0 { spans = [StyledSpan("    ")] }
                spans.append(StyledSpan(chunk, roles: [.link]))
                if index == chunks.count - 1, var suffix {
                    if chunk.isEmpty { suffix.text = String(suffix.text.drop { $0 == " " }) }
                    spans.append(suffix)
                }
                lines.append(StyledLine(spans.filter { !$0.text.isEmpty }))
            }
        }
        let title = ScreenText.sanitized(article.title)
        lines.append(StyledLine([StyledSpan(DisplayWidth.truncate(title.isEmpty ? "(untitled)" : title, toWidth: width),
                                            roles: [.heading])]))
        field("Feed", article.feedTitle)
        if !article.authors.isEmpty { field("Author", article.authors.joined(separator: ", ")) }
        field("Date", dateText.string(from: article.date))
        if let link = article.link { url(StyledSpan("Link: ", roles: [.dim]), link) }
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
        for (number, target, kind) in numbered {
            targets[number] = target
            url(StyledSpan("[\(number)] ", roles: [.dim]), target, suffix: StyledSpan(" (\(kind))", roles: [.dim]))
        }
    }

    /// `text` in pieces of at most `first` columns, then `rest` columns, never splitting a grapheme.
    static func chunks(_ text: String, first: Int, rest: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            let room = max(1, chunks.isEmpty ? first : rest)
            if used + w > room, !current.isEmpty {
                chunks.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        chunks.append(current)
        return chunks
    }

    static func byteCount(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
