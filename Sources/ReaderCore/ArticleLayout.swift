import ArticleText
import ScreenKit

// Lays an ArticleDocument out into styled lines for the pager and `qnread show`. Pure: the same document
// at the same width always gives the same lines. Every line fits the width except `pre` lines, which are
// verbatim (the pager clips them).
public enum ArticleLayout {
    /// The article body, then the numbered list of its links.
    public static func lines(for document: ArticleDocument, width: Int) -> [StyledLine] {
        var out = bodyLines(for: document, width: width)
        let links = linkLines(document.links, width: width)
        if !links.isEmpty {
            if !out.isEmpty { out.append(StyledLine()) }
            out += links
        }
        return out
    }

    /// The article body alone, for a screen that draws its own list of links.
    public static func bodyLines(for document: ArticleDocument, width: Int) -> [StyledLine] {
        blocks(document.blocks, context: Context(width: max(width, 1)))
    }

    /// The header (title, feed, author, date, link), a blank line, then the body.
    public static func page(header: ArticleHeader, document: ArticleDocument, width: Int) -> [StyledLine] {
        headerLines(header, width: width) + [StyledLine()] + lines(for: document, width: width)
    }

    /// Narrower than this, nested blocks stop indenting so text keeps some room.
    static let minimumIndentedWidth = 8

    static func blocks(_ blocks: [ArticleBlock], context: Context) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            if !out.isEmpty && !context.isTight { out.append(context.blankLine) }
            let lines = self.block(block, context: out.isEmpty ? context : context.continued)
            if lines.isEmpty, !out.isEmpty, !context.isTight { out.removeLast() }
            out += lines
        }
        return out
    }

    private static func block(_ block: ArticleBlock, context: Context) -> [StyledLine] {
        switch block {
        case .paragraph(let inlines):
            return context.wrap(spans(inlines, roles: context.roles))
        case .heading(let level, let inlines):
            return heading(level: level, inlines, context: context)
        case .quote(let inner):
            var quoted = context.nested(first: "│ ", rest: "│ ", roles: [.quote]) ?? context
            quoted.roles.insert(.quote)
            quoted.isTight = false
            return blocks(inner, context: quoted)
        case .list(let list):
            return self.list(list, context: context)
        case .preformatted(let text):
            return context.prefixed(text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.isEmpty ? StyledLine() : StyledLine([StyledSpan(String(line), roles: context.roles.union([.code]))])
            })
        case .rule:
            return context.prefixed([StyledLine([StyledSpan(String(repeating: "─", count: max(context.room, 1)), roles: [.dim])])])
        case .figure(let content, let caption):
            var tight = context
            tight.isTight = true
            var lines = blocks(content, context: tight)
            lines += (lines.isEmpty ? context : context.continued)
                .wrap(spans(caption, roles: context.roles.union([.emphasis, .dim])))
            return lines
        case .table(let table):
            return context.prefixed(TableLayout(table: table, roles: context.roles).lines(width: max(context.room, 1)))
        case .definitions(let items):
            return definitions(items, context: context)
        }
    }

    private static func heading(level: Int, _ inlines: [ArticleInline], context: Context) -> [StyledLine] {
        var lines = context.wrap(spans(inlines, roles: context.roles.union([.heading, .strong])))
        guard level <= 2, !lines.isEmpty else { return lines }
        let underline = lines.map { DisplayWidth.of($0.text) }.max().map { $0 - context.indent } ?? 0
        lines.append(StyledLine(context.rest + [StyledSpan(String(repeating: level == 1 ? "═" : "─", count: underline),
                                                           roles: [.heading, .dim])]))
        return lines
    }

    private static func list(_ list: ArticleList, context: Context) -> [StyledLine] {
        let last = list.start + list.items.count - 1
        let numberWidth = max(String(list.start).count, String(last).count)
        let bullets = ["•", "◦", "▪"]
        var out: [StyledLine] = []
        for (offset, item) in list.items.enumerated() {
            let marker: String
            if list.isOrdered {
                let number = String(list.start + offset)
                marker = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            } else {
                marker = bullets[min(context.listDepth, bullets.count - 1)] + " "
            }
            let here = out.isEmpty ? context : context.continued
            let pad = String(repeating: " ", count: DisplayWidth.of(marker))
            var inner: Context
            if let nested = here.nested(first: marker, rest: pad, roles: [.dim]) {
                inner = nested
            } else {
                // Too narrow to indent: the marker gets a line of its own.
                out += here.wrap([StyledSpan(marker.filter { $0 != " " }, roles: [.dim])])
                inner = here.continued
            }
            inner.listDepth += 1
            inner.isTight = true
            out += blocks(item, context: inner)
        }
        return out
    }

    private static func definitions(_ items: [ArticleDefinition], context: Context) -> [StyledLine] {
        var out: [StyledLine] = []
        for item in items {
            out += (out.isEmpty ? context : context.continued).wrap(spans(item.term, roles: context.roles.union([.strong])))
            for detail in item.details {
                var inner = context.continued.nested(first: "    ", rest: "    ", roles: []) ?? context.continued
                inner.isTight = true
                out += blocks(detail, context: inner)
            }
        }
        return out
    }

    // MARK: - Inline runs

    /// Inline runs as spans for the wrapper; a line break is a "\n" the wrapper honours.
    static func spans(_ inlines: [ArticleInline], roles: TextRoles) -> [StyledSpan] {
        var out: [StyledSpan] = []
        out.reserveCapacity(inlines.count)
        // Building a set allocates: outside quotes and headings the few combinations come from a table.
        let dim = roles.isEmpty ? Self.dimOnly : roles.union([.dim])
        for inline in inlines {
            switch inline {
            case .text(let text, let marks):
                out.append(StyledSpan(text, roles: roles.isEmpty ? self.roles(for: marks) : roles.union(self.roles(for: marks))))
            case .lineBreak:
                out.append(StyledSpan("\n", roles: roles))
            case .linkReference(let number):
                out.append(StyledSpan("[\(number)]", roles: dim))
            case .media(let media):
                let name = mediaName(media.kind)
                let label = media.label.map { "[\(name): \($0)]" } ?? "[\(name)]"
                let number = media.number.map { "[\($0)]" } ?? ""
                out.append(StyledSpan(label + number, roles: dim))
            }
        }
        return out
    }

    private static let dimOnly: TextRoles = [.dim]

    /// The roles for every combination of marks, built once.
    private static let rolesByMarks: [TextRoles] = (0...UInt8.max >> 2).map { makeRoles(for: InlineMarks(rawValue: $0)) }

    static func roles(for marks: InlineMarks) -> TextRoles {
        Int(marks.rawValue) < rolesByMarks.count ? rolesByMarks[Int(marks.rawValue)] : makeRoles(for: marks)
    }

    private static func makeRoles(for marks: InlineMarks) -> TextRoles {
        guard !marks.isEmpty else { return [] }
        var roles: TextRoles = []
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
    /// URLs are never cut short: they break after a slash or a hyphen, else between characters.
    public static func linkLines(_ links: [ArticleLink], width: Int) -> [StyledLine] {
        guard !links.isEmpty else { return [] }
        let width = max(width, 1)
        let numberWidth = String(links.count).count + 2
        var out = LineWrapper(width: width).wrap([StyledSpan("Liens\u{00A0}:", roles: [.heading, .strong])])
        for link in links {
            let number = "[\(link.number)]"
            let marker = String(repeating: " ", count: numberWidth - number.count) + number + " "
            var spans = [StyledSpan(link.url, roles: [.link])]
            let about = (link.kind != .link ? [mediaName(link.kind)] : []) + [link.detail.map(TerminalSafeText.plain)].compactMap { $0 }
            if !about.isEmpty { spans.append(StyledSpan(" (\(about.joined(separator: ", ")))", roles: [.dim])) }
            guard width - marker.count >= minimumIndentedWidth else {
                // Too narrow to indent: the number on its own line, the URL below.
                out += LineWrapper(width: width).wrap([StyledSpan(number, roles: [.dim])])
                out += LineWrapper(width: width).wrap(spans)
                continue
            }
            let pad = [StyledSpan(String(repeating: " ", count: marker.count))]
            out += LineWrapper(width: width, firstPrefix: [StyledSpan(marker, roles: [.dim])], prefix: pad).wrap(spans)
        }
        return out
    }
}
