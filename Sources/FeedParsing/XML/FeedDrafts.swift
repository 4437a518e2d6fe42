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
    /// Item-wide podcast fields, given to the enclosures that say nothing of their own.
    var itunesDuration: String?
    var episodeTitle: String?
    /// HTML, first source given winning: summary (RSS description, Atom summary), then Dublin Core, then iTunes.
    var summary: String?
    var dcDescription: String?
    var itunesSummary: String?
    var content: String?
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
    case itemDCTitle, itemDCDescription, itemSubject, itemKeywords, itemItunesDuration, itemEpisodeTitle
    // Atom person
    case personName, personEmail, personURI
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
