import Foundation

/// Turns the SAX events of one RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document into a `ParsedFeed`.
/// This file holds what every format shares: the element stack, xml:base, and text capture (bytes kept
/// in one buffer, made into a String once per element). The formats' element tables live in
/// `+RSS.swift` and `+Atom.swift`, the order of preference between sources in `+Finish.swift`.
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

    struct Capture {
        var depth: Int
        var field: CapturedField
        var type: TextType
        var base: URL?
        /// Depth of the `<div>` that wraps Atom xhtml content, whose own tags are dropped.
        var wrapperDepth: Int?
    }

    let fetchURL: URL?
    let onItem: ((ParsedItem) -> Void)?
    private(set) var family: Family = .rss
    private(set) var format: FeedFormat?
    /// Why the document is not a feed, once the root element says so.
    private(set) var notAFeed: String?
    var wantsToStop: Bool { notAFeed != nil }

    var feedDraft = FeedDraft()
    var itemDraft: ItemDraft?
    var person: ParsedPerson?
    var personOwner: Scope = .root
    private(set) var items: [ParsedItem] = []
    private(set) var itemCount = 0
    var warnings: [String] = []
    var suppressedWarnings = 0
    var rootNamespace: XMLNamespace = .none
    var feedLinkURL: URL?

    /// The bytes libxml2 reads were checked (or made) valid UTF-8 on the way in; see `KnownUTF8`.
    var inputIsCheckedUTF8 = false

    private var frames: [Frame] = []
    private(set) var capture: Capture?
    private var finisher: ItemFinisher?
    private var buffer: [UInt8] = []
    /// A sidelined CDATA section that is all of a body so far, kept as it came instead of copied into
    /// `buffer` (see `text(sidelined:)`).
    private var adopted: [UInt8]?

    init(fetchURL: URL?, onItem: ((ParsedItem) -> Void)?) {
        self.fetchURL = fetchURL
        self.onItem = onItem
        buffer.reserveCapacity(1 << 16)
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

    func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
        guard let capture else { return }
        if case .xhtml = capture.type {
            appendEscaped(bytes, quotes: false)
        } else {
            takeBackAdopted()
            buffer.append(contentsOf: bytes)
        }
    }

    /// A CDATA section that went around libxml2. The usual body is one such section and nothing else:
    /// its bytes then become the body without being copied twice on libxml2's thread.
    func text(sidelined payload: [UInt8]) {
        guard let capture else { return }
        let textOrHTML = switch capture.type { case .text, .html: true; case .xhtml, .base64: false }
        if capture.field.isItemBody, textOrHTML, buffer.isEmpty, adopted == nil {
            adopted = payload
        } else {
            payload.withUnsafeBufferPointer { text($0, cdata: true) }
        }
    }

    /// What `text(sidelined:)` kept aside goes into `buffer`, before anything else does.
    private func takeBackAdopted() {
        guard let payload = adopted else { return }
        adopted = nil
        buffer.append(contentsOf: payload)
    }

    /// End of input: elements left open by a truncated or malformed document are closed, so the last item
    /// is kept.
    func finishDocument() {
        while !frames.isEmpty {
            endElement(XMLName(namespace: .other, local: ""))
        }
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
        case ("feed", .atom):
            family = .atom
            format = attributes.value("version") == "0.3" ? .atom03 : .atom10
        case ("feed", .atom03):
            family = .atom
            format = .atom03
        case ("feed", .none):
            family = .atom
            format = attributes.value("version") == "0.3" ? .atom03 : .atom10
        case ("html", _):
            notAFeed = "HTML page"
        default:
            notAFeed = "XML document whose root element is <\(PlainText.sanitized(name.local))>, not rss, rdf:RDF or feed"
        }
        return .root
    }

    /// RDF documents say which RSS they are only in their channel's namespace.
    func setFormat(_ newFormat: FeedFormat) { format = newFormat }

    // MARK: Capture

    /// Starts collecting the text of the element at `depth` for `field`.
    func beginCapture(_ field: CapturedField, depth: Int, type: TextType = .html) {
        buffer.removeAll(keepingCapacity: true)
        adopted = nil
        capture = Capture(depth: depth, field: field, type: type, base: frames.last?.base)
    }

    private func finishCapture(_ capture: Capture) {
        let isBase64 = if case .base64 = capture.type { true } else { false }
        if capture.field.isItemBody, itemDraft != nil, !isBase64 {
            guard let bytes = takeTrimmedBody() else { return }
            let plain = if case .text = capture.type { true } else { false }
            assignBody(capture.field, .bytes(bytes, plain: plain, checked: inputIsCheckedUTF8))
            return
        }
        takeBackAdopted()
        let (start, end) = Self.trimmed(buffer)
        guard start < end else { return }
        let itemBase = capture.base ?? feedLinkURL ?? fetchURL
        guard case .base64(let isHTML) = capture.type else {
            if capture.field.isItemText, itemDraft != nil {
                itemDraft?.addText(capture.field, buffer[start..<end], type: capture.type, base: itemBase, checked: inputIsCheckedUTF8)
            } else {
                assign(capture.field, String(decoding: buffer[start..<end], as: UTF8.self), type: capture.type, base: capture.base)
            }
            buffer.removeAll(keepingCapacity: true)
            return
        }
        let encoded = String(decoding: buffer[start..<end], as: UTF8.self)
        buffer.removeAll(keepingCapacity: true)
        let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard let text = PlainText.trimmed(isHTML ? decoded : HTMLText.escape(decoded)) else { return }
        if capture.field.isItemText, itemDraft != nil {
            itemDraft?.addText(capture.field, text.utf8, type: .html, base: itemBase, checked: true)
        } else {
            assign(capture.field, text, type: capture.type, base: capture.base)
        }
    }

    /// The body captured so far, trimmed, in an array of its own: a sidelined section that is the whole body is
    /// handed on as it came, not copied.
    private func takeTrimmedBody() -> [UInt8]? {
        defer { buffer.removeAll(keepingCapacity: true) }
        if let payload = adopted.take() {
            let (start, end) = Self.trimmed(payload)
            guard start < end else { return nil }
            return start == 0 && end == payload.count ? payload : Array(payload[start..<end])
        }
        let (start, end) = Self.trimmed(buffer)
        return start < end ? Array(buffer[start..<end]) : nil
    }

    /// Trimmed as bytes: Foundation's trimmingCharacters costs more than the whole XML parse.
    private static func trimmed(_ bytes: [UInt8]) -> (start: Int, end: Int) {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return (start, end)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// An RSS text field (title, link, guid…) never holds an RSS element: `<title>Un titre<link>…` is a title
    /// whose end tag is missing, not a title containing a link.
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
    /// carry unescaped HTML.
    private func serializeStart(_ name: XMLName, attributes: XMLAttributes, depth: Int) {
        guard var current = capture else { return }
        takeBackAdopted()
        if case .xhtml = current.type, depth == current.depth + 1, current.wrapperDepth == nil, name.local == "div",
           buffer.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
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
            let value = attributes.attributeValue(index)
            appendEscaped(Array(value.utf8), quotes: true)
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
        takeBackAdopted()
        buffer.append(contentsOf: "</".utf8)
        buffer.append(contentsOf: name.local.utf8)
        buffer.append(UInt8(ascii: ">"))
    }

    private func appendEscaped(_ bytes: [UInt8], quotes: Bool) {
        bytes.withUnsafeBufferPointer { appendEscaped($0, quotes: quotes) }
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
        itemDraft?.partBytes.reserveCapacity(512)
        itemDraft?.parts.reserveCapacity(12)
        return .item
    }

    func finishItem() {
        guard let draft = itemDraft.take() else { return } // moved out, not copied
        itemCount += 1
        if let finisher {
            finisher.add(draft, number: itemCount)
            return
        }
        let (item, itemWarnings) = draft.assembled(number: itemCount)
        for warning in itemWarnings { warn(warning) }
        if let onItem {
            onItem(item)
        } else {
            items.append(item)
        }
    }

    /// Hands finished items to `onItem` from a thread of its own (streaming parses of whole files).
    func finishItemsInParallel() {
        guard let onItem, finisher == nil else { return }
        finisher = ItemFinisher(onItem: onItem)
    }

    /// Waits until every item has reached `onItem`.
    func drainItems() {
        guard let finisher else { return }
        let (itemWarnings, more) = finisher.finish()
        for warning in itemWarnings { warn(warning) }
        suppressedWarnings += more
        self.finisher = nil
    }

    func beginPerson(owner: Scope) -> Scope {
        person = ParsedPerson()
        personOwner = owner
        return .person
    }

    private func finishPerson() {
        guard let finished = person else { return }
        person = nil
        guard finished.name != nil || finished.email != nil || finished.uri != nil else { return }
        if personOwner == .item {
            itemDraft?.parts.append(.person(finished))
        } else {
            feedDraft.authors.append(finished)
        }
    }

    // MARK: URLs

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

    static let keptWarnings = 50

    /// Keeps the first 50 warnings; a feed with 50,000 bad dates says so once, with a count.
    func warn(_ message: @autoclosure () -> String) {
        if warnings.count < Self.keptWarnings {
            warnings.append(message())
        } else {
            suppressedWarnings += 1
        }
    }
}
