import Foundation
import TextSafety

// Where captured text goes, and which source of a field wins when a feed gives several:
// the format's own element first, then Dublin Core, then iTunes, then Atom links.

extension FeedXMLHandler {
    /// Keeps one element's text (trimmed, base64 decoded) in the draft it belongs to. A field is set the first
    /// time it is given; lists grow in document order.
    func assign(_ field: CapturedField, _ text: String, type: TextType, base: URL?) {
        switch field {
        case .feedTitle: setOnce(&feedDraft.title, Self.plain(text, type))
        case .feedLink:
            if feedDraft.link == nil, let url = resolve(text, base: base) {
                feedDraft.link = url
                feedLinkURL = URLText.absoluteURL(url) ?? feedLinkURL
            }
        case .feedDCTitle: setOnce(&feedDraft.dcTitle, Self.plain(text, type))
        case .feedDCDescription: setOnce(&feedDraft.dcDescription, Self.plain(text, type))
        case .feedDescription: setOnce(&feedDraft.description, Self.plain(text, type))
        case .feedItunesSummary: setOnce(&feedDraft.itunesSummary, Self.plain(text, type))
        case .feedLanguage: setOnce(&feedDraft.language, PlainText.fromText(text))
        case .feedDCLanguage: setOnce(&feedDraft.dcLanguage, PlainText.fromText(text))
        case .feedUpdated: setOnce(&feedDraft.updated, text)
        case .feedPubDate: setOnce(&feedDraft.pubDate, text)
        case .feedDCDate: setOnce(&feedDraft.dcDate, text)
        case .feedManagingEditor: feedDraft.authors.append(PersonText.parse(text))
        case .feedWebMaster: feedDraft.webMasters.append(PersonText.parse(text))
        case .feedDCCreator: feedDraft.dcCreators.append(PersonText.parse(text))
        case .feedItunesAuthor: feedDraft.itunesAuthors.append(PersonText.parse(text))
        case .feedImageURL, .feedLogo: setOnce(&feedDraft.image, resolve(text, base: base))
        case .feedIcon: setOnce(&feedDraft.icon, resolve(text, base: base))

        case .personName: person?.name = PlainText.fromText(text)
        case .personEmail: person?.email = PlainText.fromText(text)
        case .personURI: person?.uri = resolve(text, base: base)

        default:
            // Item fields outside any item are dropped.
            if itemDraft != nil { assignItem(field, text, type: type, base: base) }
        }
    }

    private func assignItem(_ field: CapturedField, _ text: String, type: TextType, base: URL?) {
        switch field {
        case .itemTitle: setOnce(&itemDraft!.title, Self.plain(text, type))
        case .itemDCTitle: setOnce(&itemDraft!.dcTitle, Self.plain(text, type))
        case .itemLink: setOnce(&itemDraft!.link, resolve(text, base: base))
        case .itemGUID, .itemID: setOnce(&itemDraft!.id, PlainText.sanitized(text))
        case .itemPublished: setOnce(&itemDraft!.published, text)
        case .itemDCDate: setOnce(&itemDraft!.dcDate, text)
        case .itemCreated: setOnce(&itemDraft!.created, text)
        case .itemUpdated: setOnce(&itemDraft!.updated, text)
        case .itemAuthor: itemDraft!.authors.append(PersonText.parse(text))
        case .itemDCCreator: itemDraft!.dcCreators.append(PersonText.parse(text))
        case .itemItunesAuthor: itemDraft!.itunesAuthors.append(PersonText.parse(text))
        case .itemCategory: if let category = Self.plain(text, type) { itemDraft!.categories.append(category) }
        case .itemSubject: if let subject = Self.plain(text, type) { itemDraft!.subjects.append(subject) }
        case .itemKeywords: itemDraft!.keywords += text.split(separator: ",").compactMap { PlainText.fromHTML(String($0)) }
        case .itemSummary: setOnce(&itemDraft!.summary, Self.html(text, type))
        case .itemItunesSummary: setOnce(&itemDraft!.itunesSummary, Self.html(text, type))
        case .itemContent: setOnce(&itemDraft!.content, Self.html(text, type))
        case .itemItunesDuration: setOnce(&itemDraft!.itunesDuration, text)
        case .itemEpisodeTitle: setOnce(&itemDraft!.episodeTitle, Self.plain(text, type))
        case .itemDCDescription: setOnce(&itemDraft!.dcDescription, Self.html(text, type))
        default: break
        }
    }

    func makeFeed(format: FeedFormat) -> ParsedFeed {
        let draft = feedDraft
        var feed = ParsedFeed(format: format, title: draft.title ?? draft.dcTitle, items: items)
        feed.link = draft.link ?? draft.atomAlternateLink
        feed.feedURL = draft.feedURL
        feed.description = draft.description ?? draft.dcDescription ?? draft.itunesSummary
        feed.language = draft.language ?? draft.dcLanguage ?? draft.xmlLang.flatMap { PlainText.fromText($0) }
        feed.updated = date(draft.updated, in: "the feed") ?? date(draft.dcDate, in: "the feed")
        feed.image = draft.image ?? draft.itunesImage ?? draft.mediaImage ?? draft.icon
        feed.authors = Self.firstNonEmpty(draft.authors, draft.webMasters, draft.dcCreators, draft.itunesAuthors)
        feed.warnings = warnings
        if suppressedWarnings > 0 { feed.warnings.append("… and \(suppressedWarnings) more warnings like these") }
        return feed
    }

    /// The finished item; `number` names it in the warnings its dates give.
    func makeItem(_ draft: ItemDraft, number: Int) -> ParsedItem {
        var item = ParsedItem(id: draft.id, title: draft.title ?? draft.dcTitle)
        let permalink = draft.guidIsPermaLink ? draft.id.flatMap { URLText.absoluteURL($0) != nil && $0.lowercased().hasPrefix("http") ? $0 : nil } : nil
        item.link = draft.link ?? draft.atomAlternateLink ?? permalink
        let place = "item \(number)"
        item.published = date(draft.published, in: place) ?? date(draft.dcDate, in: place) ?? date(draft.created, in: place)
        item.updated = date(draft.updated, in: place)
        item.authors = Self.firstNonEmpty(draft.authors, draft.dcCreators, draft.itunesAuthors)
        // In the order readers of podcasts expect them: iTunes keywords, then categories, then dc:subject.
        item.categories = draft.keywords + draft.categories + draft.subjects + draft.atomCategories
        item.enclosures = draft.enclosures
        for media in draft.mediaEnclosures where !item.enclosures.contains(where: { $0.url == media.url }) {
            item.enclosures.append(media)
        }
        let duration = draft.itunesDuration.flatMap(EnclosureDuration.seconds)
        for index in item.enclosures.indices {
            if item.enclosures[index].duration == nil { item.enclosures[index].duration = duration }
            if item.enclosures[index].title == nil { item.enclosures[index].title = draft.episodeTitle }
        }
        item.summary = draft.summary ?? draft.dcDescription ?? draft.itunesSummary
        item.content = draft.content
        return item
    }

    /// A date; one that does not parse is left out, with a warning naming `place`.
    private func date(_ text: String?, in place: String) -> Date? {
        guard let text else { return nil }
        if let parsed = FeedDate.parse(text) { return parsed }
        warn("unparseable date “\(PlainText.sanitized(text))” in \(place)")
        return nil
    }

    static func plain(_ text: String, _ type: TextType) -> String? {
        if case .text = type { return PlainText.fromText(text) }
        return PlainText.fromHTML(text)
    }

    private static func html(_ text: String, _ type: TextType) -> String {
        if case .text = type { return HTMLText.fromPlainText(text) }
        return text
    }

    private func setOnce(_ slot: inout String?, _ value: String?) {
        if slot == nil { slot = value }
    }

    private static func firstNonEmpty(_ lists: [ParsedPerson]...) -> [ParsedPerson] {
        lists.first { !$0.isEmpty } ?? []
    }
}
