import Foundation

/// What a feed and an item say while they are being read, with every source of a field kept apart, so the
/// order of preference is decided once, at the end (`FeedXMLHandler+Finish.swift`), not by element order.
struct FeedDraft {
    var title: String?
    var dcTitle: String?
    var link: String?
    var atomAlternateLink: String?
    var feedURL: String?
    var description: String?
    var dcDescription: String?
    var itunesSummary: String?
    var language: String?
    var dcLanguage: String?
    var xmlLang: String?
    var updated: String?
    var dcDate: String?
    var pubDate: String?
    var image: String?
    var itunesImage: String?
    var mediaImage: String?
    var icon: String?
    var authors: [ParsedPerson] = []
    var webMasters: [ParsedPerson] = []
    var dcCreators: [ParsedPerson] = []
    var itunesAuthors: [ParsedPerson] = []
}

struct ItemDraft {
    var id: String?
    var guidIsPermaLink = false
    var title: String?
    var dcTitle: String?
    var link: String?
    var atomAlternateLink: String?
    var published: String?
    var dcDate: String?
    var created: String?
    var updated: String?
    var bodies = ItemBodies()
    var authors: [ParsedPerson] = []
    var dcCreators: [ParsedPerson] = []
    var itunesAuthors: [ParsedPerson] = []
    /// In the order readers of podcasts expect them: iTunes keywords, then categories, then dc:subject.
    var keywords: [String] = []
    var categories: [String] = []
    var subjects: [String] = []
    var atomCategories: [String] = []
    var enclosures: [ParsedEnclosure] = []
    var mediaEnclosures: [ParsedEnclosure] = []
    /// Captured text and Atom authors, in document order, not yet made into the fields above.
    var parts: [ItemPart] = []
    /// The bytes of the captured text in `parts`, one after the other: one buffer per item, not one per field.
    var partBytes: [UInt8] = []
}

/// An item's HTML fields (summary, content…), kept as the bytes libxml2 gave until the item is finished:
/// making Strings of them validates most of a feed's bytes as UTF-8, which `ItemFinisher` does on a thread
/// of its own while libxml2 goes on parsing.
struct ItemBodies: Sendable {
    var summary: BodyText?
    var dcDescription: BodyText?
    var itunesSummary: BodyText?
    var content: BodyText?

    /// The item's summary and content, first source given winning.
    func resolved() -> (summary: String?, content: String?) {
        ((summary ?? dcDescription ?? itunesSummary)?.html, content?.html)
    }
}

/// One HTML field: already a String (decoded base64), or libxml2's UTF-8 bytes, to be escaped when the
/// element said its text is plain. `checked` says the bytes are known to be valid (see `KnownUTF8`).
enum BodyText: Sendable {
    case html(String)
    case bytes([UInt8], plain: Bool, checked: Bool)

    var html: String {
        switch self {
        case .html(let text):
            return text
        case .bytes(let bytes, let plain, let checked):
            let text = KnownUTF8.string(bytes, bytes.indices, known: checked)
            return plain ? HTMLText.escape(text) : text
        }
    }
}

/// Which field a captured element's text goes to.
enum CapturedField {
    // feed
    case feedTitle, feedLink, feedDescription, feedLanguage, feedUpdated, feedPubDate, feedManagingEditor, feedWebMaster
    case feedDCTitle, feedDCDescription
    case feedDCCreator, feedDCDate, feedDCLanguage, feedItunesAuthor, feedItunesSummary, feedImageURL, feedIcon, feedLogo
    // item
    case itemTitle, itemLink, itemSummary, itemContent, itemGUID, itemID, itemPublished, itemDCDate, itemCreated, itemUpdated
    case itemAuthor, itemDCCreator, itemItunesAuthor, itemItunesSummary, itemCategory
    case itemDCTitle, itemDCDescription, itemSubject, itemKeywords
    // Atom person
    case personName, personEmail, personURI

    /// The item fields kept as bytes until the item ends (see `ItemAssembly.swift`).
    var isItemText: Bool {
        switch self {
        case .itemTitle, .itemLink, .itemGUID, .itemID, .itemPublished, .itemDCDate, .itemCreated, .itemUpdated, .itemAuthor,
             .itemDCCreator, .itemItunesAuthor, .itemCategory, .itemSubject, .itemKeywords, .itemDCTitle: true
        default: false
        }
    }

    /// The item fields that hold HTML (see `ItemBodies`).
    var isItemBody: Bool {
        switch self {
        case .itemSummary, .itemContent, .itemItunesSummary, .itemDCDescription: true
        default: false
        }
    }
}

/// How an element's content is written (Atom's `type`, and Atom 0.3's `mode`).
enum TextType {
    case text, html, xhtml, base64(html: Bool)

    init(type: String?, mode: String?) {
        let type = type?.lowercased()
        let isHTML = type == "html" || type == "text/html"
        if mode?.lowercased() == "base64" {
            self = .base64(html: isHTML)
        } else if isHTML {
            self = .html
        } else if type == "xhtml" || type == "application/xhtml+xml" || mode?.lowercased() == "xml" {
            self = .xhtml
        } else {
            self = .text
        }
    }
}
