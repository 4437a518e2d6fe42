import CLibXML2

/// What an HTML element means to the reader. libxml2's HTML parser lower-cases element names.
enum HTMLTag {
    /// Never shown: scripts, styles, forms controls, embedded vector art.
    case dropped
    case head
    /// Starts and ends a paragraph; its content flows inside.
    case block
    case heading(Int)
    case quote
    case list(ordered: Bool)
    case preformatted
    case rule
    case lineBreak
    case figure
    case table
    case definitions
    case image
    case media(ArticleLink.Kind)
    case anchor
    case mark(InlineMarks)
    /// `q`: French quotation marks around it.
    case inlineQuote
    /// span, abbr, time, sup…: content flows through.
    case inline

    /// Nil for an element with no name.
    init?(_ node: xmlNodePtr) {
        guard let name = node.pointee.name else { return nil }
        self = Self.byName[String(cString: name)] ?? .inline
    }

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for name in ["script", "style", "noscript", "template", "svg", "math", "button", "input", "select",
                     "textarea", "object", "embed", "canvas", "map", "meta", "link", "base", "title", "param",
                     "track", "source", "datalist", "option", "dialog"] {
            table[name] = .dropped
        }
        for name in ["html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
                     "address", "center", "details", "summary", "fieldset", "legend", "hgroup", "form", "li",
                     "dd", "dt", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figcaption", "frameset",
                     "noframes", "search"] {
            table[name] = .block
        }
        for level in 1...6 { table["h\(level)"] = .heading(level) }
        table["head"] = .head
        table["blockquote"] = .quote
        table["ul"] = .list(ordered: false)
        table["menu"] = .list(ordered: false)
        table["dir"] = .list(ordered: false)
        table["ol"] = .list(ordered: true)
        table["pre"] = .preformatted
        table["listing"] = .preformatted
        table["xmp"] = .preformatted
        table["plaintext"] = .preformatted
        table["hr"] = .rule
        table["br"] = .lineBreak
        table["figure"] = .figure
        table["table"] = .table
        table["dl"] = .definitions
        table["img"] = .image
        table["iframe"] = .media(.video)
        table["video"] = .media(.video)
        table["audio"] = .media(.audio)
        table["a"] = .anchor
        for name in ["strong", "b"] { table[name] = .mark(.strong) }
        for name in ["em", "i", "cite", "dfn", "var"] { table[name] = .mark(.emphasis) }
        for name in ["code", "kbd", "samp", "tt"] { table[name] = .mark(.code) }
        for name in ["u", "ins"] { table[name] = .mark(.underline) }
        for name in ["s", "strike", "del"] { table[name] = .mark(.strike) }
        table["q"] = .inlineQuote
        return table
    }()
}
