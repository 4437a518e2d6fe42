import Foundation

/// An item's captured text, kept as libxml2's bytes in document order until the item ends, then made into
/// its fields by `ItemDraft.assembled`: on a streaming parse that runs on `ItemFinisher`'s thread, so
/// libxml2's thread, which bounds the parse, only copies bytes (cleaning titles, parsing dates and people
/// took a tenth of its time).
enum ItemPart: Sendable {
    case text(CapturedText)
    /// An Atom person (author) of the item, in its place among the RSS authors.
    case person(ParsedPerson)
}

struct CapturedText: Sendable {
    var field: CapturedField
    /// Where its bytes are in the item's `ItemDraft.partBytes`.
    var range: Range<Int>
    var type: TextType
    /// What relative URLs resolve against: xml:base, else the feed's link, else where it was fetched from.
    var base: URL?
    /// The bytes are known to be valid UTF-8 (see `KnownUTF8`).
    var checked: Bool

    func string(in bytes: [UInt8]) -> String {
        KnownUTF8.string(bytes, range, known: checked)
    }
}

extension ItemDraft {
    /// Keeps a captured text field of the item, its bytes copied after the others'.
    mutating func addText(_ field: CapturedField, _ bytes: some Collection<UInt8>, type: TextType, base: URL?, checked: Bool) {
        let start = partBytes.count
        partBytes.append(contentsOf: bytes)
        parts.append(.text(CapturedText(field: field, range: start..<partBytes.count, type: type, base: base, checked: checked)))
    }

    /// The finished item, with the warnings its dates gave; `number` names it in them.
    func assembled(number: Int) -> (item: ParsedItem, warnings: [String]) {
        var draft = self
        for part in parts { draft.take(part) }
        var warnings: [String] = []
        func date(_ text: String?) -> Date? {
            FeedXMLHandler.date(text, in: "item \(number)") { warnings.append($0) }
        }
        var item = ParsedItem(id: draft.id, title: draft.title ?? draft.dcTitle)
        let permalink = draft.guidIsPermaLink ? draft.id.flatMap { URLText.absoluteURL($0) != nil && $0.lowercased().hasPrefix("http") ? $0 : nil } : nil
        item.link = draft.link ?? draft.atomAlternateLink ?? permalink
        item.published = date(draft.published) ?? date(draft.dcDate) ?? date(draft.created)
        item.updated = date(draft.updated)
        item.authors = FeedXMLHandler.firstNonEmpty(draft.authors, draft.dcCreators, draft.itunesAuthors)
        item.categories = draft.keywords + draft.categories + draft.subjects + draft.atomCategories
        item.enclosures = draft.enclosures
        for media in draft.mediaEnclosures where !item.enclosures.contains(where: { $0.url == media.url }) {
            item.enclosures.append(media)
        }
        (item.summary, item.content) = draft.bodies.resolved()
        return (item, warnings)
    }

    /// A field is set the first time it is given; lists grow in document order.
    private mutating func take(_ part: ItemPart) {
        guard case .text(let captured) = part else {
            if case .person(let person) = part { authors.append(person) }
            return
        }
        let text = captured.string(in: partBytes)
        let type = captured.type
        switch captured.field {
        case .itemTitle: if title == nil { title = FeedXMLHandler.plain(text, type) }
        case .itemDCTitle: if dcTitle == nil { dcTitle = FeedXMLHandler.plain(text, type) }
        case .itemLink: if link == nil { link = FeedXMLHandler.resolve(text, against: captured.base) }
        case .itemGUID, .itemID: if id == nil { id = PlainText.sanitized(text) }
        case .itemPublished: if published == nil { published = text }
        case .itemDCDate: if dcDate == nil { dcDate = text }
        case .itemCreated: if created == nil { created = text }
        case .itemUpdated: if updated == nil { updated = text }
        case .itemAuthor: authors.append(PersonText.parse(text))
        case .itemDCCreator: dcCreators.append(PersonText.parse(text))
        case .itemItunesAuthor: itunesAuthors.append(PersonText.parse(text))
        case .itemCategory: if let category = FeedXMLHandler.plain(text, type) { categories.append(category) }
        case .itemSubject: if let subject = FeedXMLHandler.plain(text, type) { subjects.append(subject) }
        case .itemKeywords: keywords += text.split(separator: ",").compactMap { PlainText.fromHTML(String($0)) }
        default: break // bodies and feed fields never come here
        }
    }
}
