import ArticleText
import ScreenKit

// Lays an ArticleDocument out into styled lines for the pager and `qnread show`. Pure: the same document
// at the same width always gives the same lines. Every line fits the width except `pre` lines, which are
// verbatim (the pager clips them).
public enum ArticleLayout {
    /// The article body, then the numbered list of its links.
    public static func lines(for document: ArticleDocument, width: Int) -> [StyledLine] {
        let width = max(width, 1)
        var out = blocks(document.blocks, width: width, context: Context())
        let links = linkList(document.links, width: width)
        if !links.isEmpty {
            if !out.isEmpty { out.append(StyledLine()) }
            out += links
        }
        return out
    }

    /// The header (title, feed, author, date, link), a blank line, then the body.
    public static func page(header: ArticleHeader, document: ArticleDocument, width: Int) -> [StyledLine] {
        headerLines(header, width: width) + [StyledLine()] + lines(for: document, width: width)
    }

    /// Roles and nesting that apply to everything inside a block.
    struct Context {
        var roles: Set<TextRole> = []
        var listDepth = 0
        /// Inside a list item or a definition: no blank lines between blocks.
        var isTight = false
    }

    /// Narrower than this, nested blocks stop indenting so text keeps some room.
    static let minimumIndentedWidth = 8

    static func blocks(_ blocks: [ArticleBlock], width: Int, context: Context) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let lines = self.block(block, width: width, context: context)
            guard !lines.isEmpty else { continue }
            if !out.isEmpty && !context.isTight { out.append(StyledLine()) }
            out += lines
        }
        return out
    }

    private static func block(_ block: ArticleBlock, width: Int, context: Context) -> [StyledLine] {
        switch block {
        case .paragraph(let inlines):
            return LineWrapper(width: width).wrap(spans(inlines, roles: context.roles))
        case .heading(let level, let inlines):
            return heading(level: level, inlines, width: width, context: context)
        case .quote(let inner):
            var quoted = context
            quoted.roles.insert(.quote)
            quoted.isTight = false
            return indented(width: width, first: "│ ", rest: "│ ", role: .quote) {
                blocks(inner, width: $0, context: quoted)
            }
        case .list(let list):
            return self.list(list, width: width, context: context)
        case .preformatted(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.isEmpty ? StyledLine() : StyledLine([StyledSpan(String(line), roles: context.roles.union([.code]))])
            }
        case .rule:
            return [StyledLine([StyledSpan(String(repeating: "─", count: width), roles: [.dim])])]
        case .figure(let content, let caption):
            var tight = context
            tight.isTight = true
            var lines = blocks(content, width: width, context: tight)
            lines += LineWrapper(width: width).wrap(spans(caption, roles: context.roles.union([.emphasis, .dim])))
            return lines
        case .table(let table):
            return TableLayout(table: table, roles: context.roles).lines(width: width)
        case .definitions(let items):
            return definitions(items, width: width, context: context)
        }
    }

    private static func heading(level: Int, _ inlines: [ArticleInline], width: Int, context: Context) -> [StyledLine] {
        var lines = LineWrapper(width: width).wrap(spans(inlines, roles: context.roles.union([.heading, .strong])))
        guard level <= 2, !lines.isEmpty else { return lines }
        let underline = lines.map { DisplayWidth.of($0.text) }.max() ?? 0
        lines.append(StyledLine([StyledSpan(String(repeating: level == 1 ? "═" : "─", count: underline),
                                            roles: [.heading, .dim])]))
        return lines
    }

    private static func list(_ list: ArticleList, width: Int, context: Context) -> [StyledLine] {
        let last = list.start + list.items.count - 1
        let numberWidth = max(String(list.start).count, String(last).count)
        let bullets = ["•", "◦", "▪"]
        var inner = context
        inner.listDepth += 1
        inner.isTight = true
        var out: [StyledLine] = []
        for (offset, item) in list.items.enumerated() {
            let marker: String
            if list.isOrdered {
                let number = String(list.start + offset)
                marker = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            } else {
                marker = bullets[min(context.listDepth, bullets.count - 1)] + " "
            }
            let pad = String(repeating: " ", count: DisplayWidth.of(marker))
            out += indented(width: width, first: marker, rest: pad, role: .dim) {
                blocks(item, width: $0, context: inner)
            }
        }
        return out
    }

    private static func definitions(_ items: [ArticleDefinition], width: Int, context: Context) -> [StyledLine] {
        var inner = context
        inner.isTight = true
        var out: [StyledLine] = []
        for item in items {
            out += LineWrapper(width: width).wrap(spans(item.term, roles: context.roles.union([.strong])))
            for detail in item.details {
                out += indented(width: width, first: "    ", rest: "    ", role: nil) {
                    blocks(detail, width: $0, context: inner)
                }
            }
        }
        return out
    }

    /// Lays content out narrower and draws `first` before its first line, `rest` before the others.
    /// When that would leave too little room, the marker gets a line of its own and nothing is indented.
    static func indented(width: Int, first: String, rest: String, role: TextRole?,
                         content: (Int) -> [StyledLine]) -> [StyledLine] {
        let roles: Set<TextRole> = role.map { [$0] } ?? []
        let markerWidth = DisplayWidth.of(first)
        guard width - markerWidth >= minimumIndentedWidth else {
            let marker = first.filter { $0 != " " }
            let lines = content(width)
            return marker.isEmpty ? lines : [StyledLine([StyledSpan(marker, roles: roles)])] + lines
        }
        return content(width - markerWidth).enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            if line.spans.isEmpty {
                let trimmed = String(prefix.reversed().drop { $0 == " " }.reversed())
                return StyledLine(trimmed.isEmpty ? [] : [StyledSpan(trimmed, roles: roles)])
            }
            return StyledLine([StyledSpan(prefix, roles: roles)] + line.spans)
        }
    }

    // MARK: - Inline runs

    /// Inline runs as spans for the wrapper; a line break is a "\n" the wrapper honours.
    static func spans(_ inlines: [ArticleInline], roles: Set<TextRole>) -> [StyledSpan] {
        var out: [StyledSpan] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .text(let text, let marks):
                out.append(StyledSpan(text, roles: roles.union(self.roles(for: marks))))
            case .lineBreak:
                out.append(StyledSpan("\n", roles: roles))
            case .linkReference(let number):
                out.append(StyledSpan("[\(number)]", roles: roles.union([.dim])))
            case .media(let media):
                let name = mediaName(media.kind)
                let label = media.label.map { "[\(name): \($0)]" } ?? "[\(name)]"
                let number = media.number.map { "[\($0)]" } ?? ""
                out.append(StyledSpan(label + number, roles: roles.union([.dim])))
            }
        }
        return out
    }

    static func roles(for marks: InlineMarks) -> Set<TextRole> {
        guard !marks.isEmpty else { return [] }
        var roles: Set<TextRole> = []
        if marks.contains(.strong) { roles.insert(.strong) }
        if marks.contains(.emphasis) { roles.insert(.emphasis) }
        if marks.contains(.code) { roles.insert(.code) }
        if marks.contains(.underline) { roles.insert(.underline) }
        if marks.contains(.strike) { roles.insert(.strike) }
        if marks.contains(.link) { roles.insert(.link) }
        return roles
    }

    static func mediaName(_ kind: ArticleLink.Kind) -> String {
        switch kind {
        case .link: "lien"
        case .image: "image"
        case .video: "vidéo"
        case .audio: "audio"
        }
    }

    // MARK: - Links

    /// "Liens :" then `[n] URL`, numbers right-aligned so the URLs line up; media say what they are.
    private static func linkList(_ links: [ArticleLink], width: Int) -> [StyledLine] {
        guard !links.isEmpty else { return [] }
        let numberWidth = String(links.count).count + 2
        var out = [StyledLine([StyledSpan("Liens\u{00A0}:", roles: [.heading, .strong])])]
        for link in links {
            let number = "[\(link.number)]"
            let marker = String(repeating: " ", count: numberWidth - number.count) + number + " "
            var spans = [StyledSpan(link.url, roles: [.link])]
            if link.kind != .link { spans.append(StyledSpan(" (\(mediaName(link.kind)))", roles: [.dim])) }
            let pad = [StyledSpan(String(repeating: " ", count: marker.count))]
            let wrapper = LineWrapper(width: width, firstPrefix: [StyledSpan(marker, roles: [.dim])],
                                      prefix: width - marker.count >= minimumIndentedWidth ? pad : [])
            out += wrapper.wrap(spans)
        }
        return out
    }
}
