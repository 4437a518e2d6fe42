import CLibXML2
import Foundation
import TextSafety

/// Walks libxml2's HTML tree into blocks. Text is filtered byte by byte as it is read; blocks that hold
/// other blocks (quotes, list items, cells) are built in a frame of their own, pushed and popped.
struct DocumentBuilder {
    private struct Frame {
        var blocks: [ArticleBlock] = []
        var inlines: [ArticleInline] = []
        var run = TerminalSafeText.Filter(mode: .collapse)
        var runMarks: InlineMarks = []
    }

    private var top = Frame()
    private var parents: [Frame] = []
    private var numbering: LinkNumbering
    private var title: String?

    init(baseURL: URL?) { numbering = LinkNumbering(baseURL: baseURL) }

    mutating func read(_ root: xmlNodePtr) {
        element(root, marks: [])
        flushParagraph()
    }

    mutating func finish() -> ArticleDocument {
        flushParagraph()
        return ArticleDocument(title: title, blocks: top.blocks, links: numbering.links)
    }

    // MARK: - Walking

    private mutating func children(of node: xmlNodePtr, marks: InlineMarks) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: element(current, marks: marks)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text(current, marks: marks)
            default: break   // comments, processing instructions
            }
            child = current.pointee.next
        }
    }

    private mutating func element(_ node: xmlNodePtr, marks: InlineMarks) {
        guard let tag = HTMLTag(node), !HTMLAttributes.isHidden(node) else { return }
        switch tag {
        case .dropped:
            return
        case .head:
            readTitle(node)
        case .block:
            flushParagraph()
            children(of: node, marks: marks)
            flushParagraph()
        case .heading(let level):
            flushParagraph()
            children(of: node, marks: marks)
            flushParagraph(heading: level)
        case .quote:
            flushParagraph()
            let blocks = inFrame { $0.children(of: node, marks: marks) }
            if !blocks.isEmpty { top.blocks.append(.quote(blocks)) }
        case .list(let ordered):
            flushParagraph()
            list(node, ordered: ordered, marks: marks)
        case .preformatted:
            flushParagraph()
            var filter = TerminalSafeText.Filter(mode: .verbatim)
            Self.verbatimText(of: node, into: &filter)
            var text = String(decoding: filter.output, as: UTF8.self)
            if text.hasPrefix("\n") { text.removeFirst() }
            while text.last == "\n" || text.last == " " { text.removeLast() }
            if !text.isEmpty { top.blocks.append(.preformatted(text)) }
        case .rule:
            flushParagraph()
            top.blocks.append(.rule)
        case .lineBreak:
            endRun()
            trimTrailingSpace()
            top.inlines.append(.lineBreak)
            top.run.lastWasSpace = true
        case .figure:
            flushParagraph()
            figure(node, marks: marks)
        case .table:
            flushParagraph()
            table(node, marks: marks)
        case .definitions:
            flushParagraph()
            definitions(node, marks: marks)
        case .image:
            image(node)
        case .media(let kind):
            // A player is a block of its own: "[vidéo: …]" on its own line says what the link is.
            flushParagraph()
            media(node, kind: kind)
            flushParagraph()
        case .anchor:
            anchor(node, marks: marks)
        case .mark(let mark):
            children(of: node, marks: marks.union(mark))
        case .inlineQuote:
            appendText("«\u{00A0}", marks: marks)
            children(of: node, marks: marks)
            appendText("\u{00A0}»", marks: marks)
        case .inline:
            children(of: node, marks: marks)
        }
    }

    private mutating func text(_ node: xmlNodePtr, marks: InlineMarks) {
        guard let content = node.pointee.content else { return }
        if marks != top.runMarks { endRun() }
        top.runMarks = marks
        top.run.append(content)
    }

    private mutating func appendText(_ text: String, marks: InlineMarks) {
        if marks != top.runMarks { endRun() }
        top.runMarks = marks
        var text = text
        text.withUTF8 { bytes in
            var copy = Array(bytes)
            copy.append(0)
            copy.withUnsafeBufferPointer { top.run.append($0.baseAddress!) }
        }
    }

    // MARK: - Elements

    private mutating func anchor(_ node: xmlNodePtr, marks: InlineMarks) {
        guard let href = HTMLAttributes.attribute(node, "href"), let url = numbering.resolve(href) else {
            return children(of: node, marks: marks)
        }
        let number = numbering.number(for: url, kind: .link)
        children(of: node, marks: marks.union(.link))
        endRun()
        top.inlines.append(.linkReference(number))
        top.run.lastWasSpace = false
    }

    private mutating func image(_ node: xmlNodePtr) {
        if HTMLAttributes.isTrackingPixel(node) { return }
        let alt = HTMLAttributes.attribute(node, "alt").map(TerminalSafeText.plain).flatMap { $0.isEmpty ? nil : $0 }
        let src = HTMLAttributes.attribute(node, "src").flatMap(numbering.resolve)
        guard src != nil || alt != nil else { return }
        let number = src.map { numbering.number(for: $0, kind: .image) }
        appendMedia(ArticleMedia(kind: .image, label: alt, number: number))
    }

    private mutating func media(_ node: xmlNodePtr, kind: ArticleLink.Kind) {
        var src = HTMLAttributes.attribute(node, "src")
        if src == nil {
            var child = node.pointee.children
            while let current = child, src == nil {
                if current.pointee.type == XML_ELEMENT_NODE, HTMLTag.name(of: current) == "source" {
                    src = HTMLAttributes.attribute(current, "src")
                }
                child = current.pointee.next
            }
        }
        guard let url = src.flatMap(numbering.resolve) else { return }
        let resolvedKind = kind == .video && HTMLAttributes.looksLikeAudio(url) ? .audio : kind
        let title = HTMLAttributes.attribute(node, "title").map(TerminalSafeText.plain).flatMap { $0.isEmpty ? nil : $0 }
        let number = numbering.number(for: url, kind: resolvedKind)
        appendMedia(ArticleMedia(kind: resolvedKind, label: title, number: number))
    }

    private mutating func appendMedia(_ media: ArticleMedia) {
        endRun()
        top.inlines.append(.media(media))
        top.run.lastWasSpace = false
    }

    private mutating func list(_ node: xmlNodePtr, ordered: Bool, marks: InlineMarks) {
        var items: [[ArticleBlock]] = []
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let isItem = HTMLTag.name(of: current) == "li"
                let blocks = inFrame { builder in
                    if isItem { builder.children(of: current, marks: marks) } else { builder.element(current, marks: marks) }
                }
                guard !blocks.isEmpty else { continue }
                // A list nested straight in a list (no li around it) belongs to the item before it.
                if !isItem, !items.isEmpty { items[items.count - 1] += blocks } else { items.append(blocks) }
            case XML_TEXT_NODE:
                let blocks = inFrame { $0.text(current, marks: marks) }
                if !blocks.isEmpty { items.append(blocks) }
            default:
                break
            }
        }
        guard !items.isEmpty else { return }
        let start = ordered ? HTMLAttributes.attribute(node, "start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1 : 1
        top.blocks.append(.list(ArticleList(isOrdered: ordered, start: start, items: items)))
    }

    private mutating func figure(_ node: xmlNodePtr, marks: InlineMarks) {
        var caption: [ArticleInline] = []
        let content = inFrame { builder in
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, HTMLTag.name(of: current) == "figcaption" {
                    caption = Self.flattened(builder.inFrame { $0.children(of: current, marks: marks) })
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    builder.element(current, marks: marks)
                } else if current.pointee.type == XML_TEXT_NODE {
                    builder.text(current, marks: marks)
                }
                child = current.pointee.next
            }
        }
        guard !content.isEmpty || !caption.isEmpty else { return }
        top.blocks.append(.figure(content: content, caption: caption))
    }

    private mutating func table(_ node: xmlNodePtr, marks: InlineMarks) {
        var rows: [ArticleTableRow] = []
        var caption: [ArticleInline] = []
        collectRows(node, inHead: false, marks: marks, rows: &rows, caption: &caption)
        if !caption.isEmpty { top.blocks.append(.paragraph(caption)) }
        if !rows.isEmpty { top.blocks.append(.table(ArticleTable(rows: rows))) }
    }

    private mutating func collectRows(_ node: xmlNodePtr, inHead: Bool, marks: InlineMarks,
                                      rows: inout [ArticleTableRow], caption: inout [ArticleInline]) {
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE, !HTMLAttributes.isHidden(current) else { continue }
            switch HTMLTag.name(of: current) {
            case "thead": collectRows(current, inHead: true, marks: marks, rows: &rows, caption: &caption)
            case "tbody", "tfoot": collectRows(current, inHead: inHead, marks: marks, rows: &rows, caption: &caption)
            case "caption": caption = Self.flattened(inFrame { $0.children(of: current, marks: marks) })
            case "tr":
                var cells: [[ArticleInline]] = []
                var allHeaders = true
                var cell = current.pointee.children
                while let item = cell {
                    defer { cell = item.pointee.next }
                    guard item.pointee.type == XML_ELEMENT_NODE else { continue }
                    let name = HTMLTag.name(of: item)
                    guard name == "td" || name == "th" else { continue }
                    allHeaders = allHeaders && name == "th"
                    cells.append(Self.flattened(inFrame { $0.children(of: item, marks: marks) }))
                }
                if !cells.isEmpty { rows.append(ArticleTableRow(isHeader: inHead || allHeaders, cells: cells)) }
            default:
                break
            }
        }
    }

    private mutating func definitions(_ node: xmlNodePtr, marks: InlineMarks) {
        var items: [ArticleDefinition] = []
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE, !HTMLAttributes.isHidden(current) else { continue }
            switch HTMLTag.name(of: current) {
            case "dt":
                items.append(ArticleDefinition(term: Self.flattened(inFrame { $0.children(of: current, marks: marks) }),
                                               details: []))
            case "dd":
                let blocks = inFrame { $0.children(of: current, marks: marks) }
                guard !blocks.isEmpty else { continue }
                if items.isEmpty { items.append(ArticleDefinition(term: [], details: [])) }
                items[items.count - 1].details.append(blocks)
            default:
                break
            }
        }
        if !items.isEmpty { top.blocks.append(.definitions(items)) }
    }

    private mutating func readTitle(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, HTMLTag.name(of: current) == "title", title == nil {
                var filter = TerminalSafeText.Filter(mode: .collapse)
                Self.verbatimText(of: current, into: &filter)
                let text = String(decoding: filter.output, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { title = text }
            }
            child = current.pointee.next
        }
    }

    // MARK: - Frames and paragraphs

    /// Builds blocks in a fresh frame and returns them, leaving the current paragraph untouched.
    private mutating func inFrame(_ build: (inout DocumentBuilder) -> Void) -> [ArticleBlock] {
        parents.append(top)
        top = Frame()
        build(&self)
        flushParagraph()
        let blocks = top.blocks
        top = parents.removeLast()
        return blocks
    }

    private mutating func endRun() {
        guard !top.run.output.isEmpty else { return }
        top.inlines.append(.text(String(decoding: top.run.output, as: UTF8.self), top.runMarks))
        top.run.output.removeAll(keepingCapacity: true)
    }

    private mutating func trimTrailingSpace() {
        while case .text(var text, let marks)? = top.inlines.last, text.last == " " {
            text.removeLast()
            top.inlines.removeLast()
            if !text.isEmpty { top.inlines.append(.text(text, marks)) }
        }
    }

    private mutating func flushParagraph(heading level: Int? = nil) {
        endRun()
        trimTrailingSpace()
        while case .lineBreak? = top.inlines.last { top.inlines.removeLast(); trimTrailingSpace() }
        while case .lineBreak? = top.inlines.first { top.inlines.removeFirst() }
        top.run.lastWasSpace = true
        guard !top.inlines.isEmpty else { return }
        let inlines = top.inlines
        top.inlines.removeAll()
        if let level { top.blocks.append(.heading(level: level, inlines)) } else { top.blocks.append(.paragraph(inlines)) }
    }

    /// A cell's or a caption's blocks as one run of inlines, paragraphs joined by a space.
    private static func flattened(_ blocks: [ArticleBlock]) -> [ArticleInline] {
        var out: [ArticleInline] = []
        func add(_ inlines: [ArticleInline]) {
            if !out.isEmpty && !inlines.isEmpty { out.append(.text(" ", [])) }
            out += inlines
        }
        for block in blocks {
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines): add(inlines)
            case .quote(let inner): add(flattened(inner))
            case .list(let list): for item in list.items { add(flattened(item)) }
            case .preformatted(let text): add([.text(text.replacingOccurrences(of: "\n", with: " "), .code)])
            case .rule: break
            case .figure(let content, let caption): add(flattened(content)); add(caption)
            case .table(let table): for row in table.rows { for cell in row.cells { add(cell) } }
            case .definitions(let items):
                for item in items { add(item.term); for detail in item.details { add(flattened(detail)) } }
            }
        }
        return out
    }

    private static func verbatimText(of node: xmlNodePtr, into filter: inout TerminalSafeText.Filter) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { filter.append(content) }
            case XML_ELEMENT_NODE:
                if HTMLTag.name(of: current) == "br" {
                    var newline: [UInt8] = [0x0A, 0]
                    newline.withUnsafeMutableBufferPointer { filter.append(UnsafePointer($0.baseAddress!)) }
                } else if !HTMLAttributes.isHidden(current), HTMLTag(current).map({ if case .dropped = $0 { false } else { true } }) ?? true {
                    verbatimText(of: current, into: &filter)
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }
}
