import Foundation
import Localization
import TextSafety

/// Turns the SAX events of one RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document into a `ParsedFeed`.
/// This file holds what every format shares: the element stack, xml:base, and text capture (one element's
/// text at a time, kept as bytes until the element ends). The formats' element tables live in `+RSS.swift`
/// and `+Atom.swift`; where captured text goes, and which source of a field wins, in `+Finish.swift`.
final class FeedXMLHandler: XMLEventHandler {
    enum Family { case rss, atom }

    /// Where an element sits, which decides what its children mean.
    enum Scope: Equatable {
        case document, root, channel, item, image, person, mediaGroup, ignored, other
        /// An element left unclosed (`<title>…` with no `</title>`): its children belong to its parent.
        case transparent
    }

    struct Frame {
        var scope: Scope
        /// The effective xml:base, when one is in force.
        var base: URL?
    }

    /// The element whose text is being collected.
    struct Capture {
        var depth: Int
        var field: CapturedField
        var type: TextType
        var base: URL?
        /// Depth of the `<div>` that wraps Atom xhtml content, whose own tags are dropped.
        var wrapperDepth: Int?
    }

    let fetchURL: URL?
    private(set) var family: Family = .rss
    private(set) var format: FeedFormat?
    /// Why the document is not a feed, once the root element says so.
    private(set) var notAFeed: Words?
    private(set) var isHTMLPage = false
    var wantsToStop: Bool { notAFeed != nil || isHTMLPage }

    var feedDraft = FeedDraft()
    var itemDraft: ItemDraft?
    var person: ParsedPerson?
    var personOwner: Scope = .root
    var items: [ParsedItem] = []
    var warnings: [String] = []
    var suppressedWarnings = 0
    var rootNamespace: XMLNamespace = .none
    /// The feed's site link, once known: what relative URLs resolve against when no xml:base says otherwise.
    var feedLinkURL: URL?

    private var frames: [Frame] = []
    private var capture: Capture?
    private var buffer: [UInt8] = []

    init(fetchURL: URL?) {
        self.fetchURL = fetchURL
    }

    // MARK: SAX events

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        let depth = frames.count
        if let current = capture {
            if isUnclosedField(current, before: name) {
                capture = nil
                finishCapture(current)
                frames[current.depth].scope = .transparent
            } else {
                serializeStart(name, attributes: attributes, depth: depth)
                frames.append(Frame(scope: .other, base: frames.last?.base))
                return
            }
        }
        let parent = frames.last { $0.scope != .transparent }?.scope ?? .document
        var frame = Frame(scope: .other, base: frames.last?.base)
        if let base = attributes.value("base", .xml) {
            frame.base = URL(string: base.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: frame.base ?? fetchURL)?.absoluteURL ?? frame.base
        }
        frames.append(frame)
        let scope: Scope
        switch parent {
        case .document: scope = startRoot(name, attributes: attributes)
        case .ignored: scope = .ignored
        default:
            if parent == .root || parent == .channel, let lang = attributes.value("lang", .xml), feedDraft.xmlLang == nil {
                feedDraft.xmlLang = lang
            }
            scope = family == .rss
                ? startRSS(name, in: parent, attributes: attributes, depth: depth)
                : startAtom(name, in: parent, attributes: attributes, depth: depth)
        }
        frames[depth].scope = scope
    }

    func endElement(_ name: XMLName) {
        guard let frame = frames.popLast() else { return }
        let depth = frames.count
        if let current = capture {
            if depth > current.depth {
                serializeEnd(name, depth: depth)
                return
            }
            capture = nil
            finishCapture(current)
        }
        switch frame.scope {
        case .item: finishItem()
        case .person: finishPerson()
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let capture else { return }
        if case .xhtml = capture.type {
            appendEscaped(bytes, quotes: false)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// End of input: elements left open by a truncated or malformed document are closed, so the last item is
    /// kept; then the feed, its sources of each field weighed (`makeFeed`).
    func finishFeed(format: FeedFormat) -> ParsedFeed {
        while !frames.isEmpty {
            endElement(XMLName(namespace: .other, local: ""))
        }
        return makeFeed(format: format)
    }

    // MARK: Root

    private func startRoot(_ name: XMLName, attributes: XMLAttributes) -> Scope {
        rootNamespace = name.namespace
        feedDraft.xmlLang = attributes.value("lang", .xml)
        switch (name.local, name.namespace) {
        case ("rss", _):
            family = .rss
            let version = attributes.value("version")?.trimmingCharacters(in: .whitespaces) ?? ""
            format = version.hasPrefix("0.9") ? .rss09x : .rss20
        case ("RDF", _):
            family = .rss
            format = .rss10
        case ("feed", .atom), ("feed", .none):
            family = .atom
            format = attributes.value("version") == "0.3" ? .atom03 : .atom10
        case ("feed", .atom03):
            family = .atom
            format = .atom03
        case ("html", _):
            isHTMLPage = true
        default:
            notAFeed = Words(N_("XML document whose root element is <%s>, not rss, rdf:RDF or feed"), PlainText.sanitized(name.local))
        }
        return .root
    }

    /// RDF documents say which RSS they are only in their channel's namespace.
    func setFormat(_ newFormat: FeedFormat) { format = newFormat }

    // MARK: Capture

    /// Starts collecting the text of the element at `depth` for `field`.
    func beginCapture(_ field: CapturedField, depth: Int, type: TextType = .html) {
        buffer.removeAll(keepingCapacity: true)
        capture = Capture(depth: depth, field: field, type: type, base: frames.last?.base)
    }

    private func finishCapture(_ capture: Capture) {
        defer { buffer.removeAll(keepingCapacity: true) }
        var start = 0
        var end = buffer.count
        while start < end, buffer[start].isXMLSpace { start += 1 }
        while end > start, buffer[end - 1].isXMLSpace { end -= 1 }
        guard start < end else { return }
        let text = String(decoding: buffer[start..<end], as: UTF8.self)
        guard case .base64(let isHTML) = capture.type else {
            assign(capture.field, text, type: capture.type, base: capture.base)
            return
        }
        let decoded = Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard let html = PlainText.trimmed(isHTML ? decoded : HTMLText.fromPlainText(decoded)) else { return }
        assign(capture.field, html, type: .html, base: capture.base)
    }

    /// An RSS text field (title, link, guid…) never holds an RSS element: `<title>Un titre<link>…` is a title
    /// whose end tag is missing, not a title containing a link (recovery/unclosed-tags.xml).
    private func isUnclosedField(_ capture: Capture, before name: XMLName) -> Bool {
        guard family == .rss, name.namespace == .none || name.namespace == .rss10 || name.namespace == .rss090 else { return false }
        switch capture.field {
        case .itemSummary, .itemContent, .itemItunesSummary, .itemDCDescription, .feedDescription: return false
        default: return Self.rssElementNames.contains(name.local)
        }
    }

    private static let rssElementNames: Set<String> = ["title", "link", "description", "guid", "pubDate", "author", "category",
                                                       "enclosure", "comments", "source", "item", "language", "lastBuildDate"]

    /// Child elements inside a captured field are kept as markup: Atom xhtml, and RSS descriptions that
    /// carry unescaped HTML (recovery/html-in-description.xml).
    private func serializeStart(_ name: XMLName, attributes: XMLAttributes, depth: Int) {
        guard var current = capture else { return }
        if case .xhtml = current.type, depth == current.depth + 1, current.wrapperDepth == nil, name.local == "div",
           buffer.allSatisfy(\.isXMLSpace) {
            current.wrapperDepth = depth
            capture = current
            buffer.removeAll(keepingCapacity: true)
            return
        }
        buffer.append(UInt8(ascii: "<"))
        buffer.append(contentsOf: name.local.utf8)
        for index in 0..<attributes.count {
            let attribute = attributes.attributeName(index)
            buffer.append(UInt8(ascii: " "))
            if attribute.namespace == .xml { buffer.append(contentsOf: "xml:".utf8) }
            buffer.append(contentsOf: attribute.local.utf8)
            buffer.append(contentsOf: "=\"".utf8)
            Array(attributes.attributeValue(index).utf8).withUnsafeBufferPointer { appendEscaped($0, quotes: true) }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(UInt8(ascii: ">"))
    }

    private func serializeEnd(_ name: XMLName, depth: Int) {
        guard let current = capture else { return }
        if current.wrapperDepth == depth {
            capture?.wrapperDepth = -1 // the wrapper is closed; text after it is kept but no second wrapper
            return
        }
        guard !name.local.isEmpty, !HTMLText.voidElements.contains(name.local) else { return }
        buffer.append(contentsOf: "</".utf8)
        buffer.append(contentsOf: name.local.utf8)
        buffer.append(UInt8(ascii: ">"))
    }

    private func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: buffer.append(contentsOf: "&quot;".utf8)
            default: buffer.append(byte)
            }
        }
    }

    // MARK: Items and people

    func beginItem() -> Scope {
        if itemDraft != nil { finishItem() } // an unclosed item: a new one starts a sibling, not a child
        itemDraft = ItemDraft()
        return .item
    }

    private func finishItem() {
        guard let draft = itemDraft.take() else { return }
        items.append(makeItem(draft, number: items.count + 1))
    }

    func beginPerson(owner: Scope) -> Scope {
        person = ParsedPerson()
        personOwner = owner
        return .person
    }

    private func finishPerson() {
        guard let finished = person.take() else { return }
        guard finished.name != nil || finished.email != nil || finished.uri != nil else { return }
        if personOwner == .item {
            itemDraft?.authors.append(finished)
        } else {
            feedDraft.authors.append(finished)
        }
    }

    // MARK: URLs and warnings

    /// An absolute URL: resolved against xml:base, then the feed's link, then the URL it was fetched from.
    func resolve(_ reference: String, base: URL?) -> String? {
        Self.resolve(reference, against: base ?? feedLinkURL ?? fetchURL)
    }

    static func resolve(_ reference: String, against base: URL?) -> String? {
        let trimmed = PlainText.sanitized(PlainText.trimmed(reference) ?? "")
        guard !trimmed.isEmpty else { return nil }
        if URLText.hasScheme(trimmed) { return trimmed }
        guard let base else { return trimmed }
        return URLText.resolve(trimmed, against: base) ?? trimmed
    }

    var currentBase: URL? { frames.last?.base }

    /// Keeps the first 50 warnings; a feed with 50,000 bad dates says so once, with a count.
    func warn(_ message: @autoclosure () -> String) {
        if warnings.count < 50 {
            warnings.append(message())
        } else {
            suppressedWarnings += 1
        }
    }
}
