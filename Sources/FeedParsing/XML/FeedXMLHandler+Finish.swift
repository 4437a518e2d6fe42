import Foundation

// Where captured text goes, and which source of a field wins when a feed gives several:
// the format's own element first, then Dublin Core, then iTunes, then Atom links.

extension FeedXMLHandler {
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

        // Bodies that were base64 come here; every other item field waits in its draft as bytes
        // (`CapturedField.isItemText`, `ItemAssembly.swift`).
        case .itemSummary, .itemItunesSummary, .itemContent, .itemDCDescription:
            assignBody(field, .html(html(text, type)))

        case .personName: person?.name = PlainText.fromText(text)
        case .personEmail: person?.email = PlainText.fromText(text)
        case .personURI: person?.uri = resolve(text, base: base)
        default: break
        }
    }

    /// Sets an item's HTML field the first time it is given; outside any item it is dropped.
    func assignBody(_ field: CapturedField, _ body: BodyText) {
        switch field {
        case .itemSummary: if itemDraft?.bodies.summary == nil { itemDraft?.bodies.summary = body }
        case .itemItunesSummary: if itemDraft?.bodies.itunesSummary == nil { itemDraft?.bodies.itunesSummary = body }
        case .itemContent: if itemDraft?.bodies.content == nil { itemDraft?.bodies.content = body }
        case .itemDCDescription: if itemDraft?.bodies.dcDescription == nil { itemDraft?.bodies.dcDescription = body }
        default: break
        }
    }

    func makeFeed(format: FeedFormat, items: [ParsedItem]) -> ParsedFeed {
        let draft = feedDraft
        var feed = ParsedFeed(format: format, title: draft.title ?? draft.dcTitle, items: items)
        feed.link = draft.link ?? draft.atomAlternateLink
        feed.feedURL = draft.feedURL
        feed.description = draft.description ?? draft.dcDescription ?? draft.itunesSummary
        feed.language = draft.language ?? draft.dcLanguage ?? draft.xmlLang.flatMap { PlainText.fromText($0) }
        let warn = { (message: String) in self.warn(message) }
        feed.updated = Self.date(draft.updated, in: "the feed", warn: warn) ?? Self.date(draft.dcDate, in: "the feed", warn: warn)
        feed.image = draft.image ?? draft.itunesImage ?? draft.mediaImage ?? draft.icon
        feed.authors = Self.firstNonEmpty(draft.authors, draft.webMasters, draft.dcCreators, draft.itunesAuthors)
        feed.warnings = warnings
        if suppressedWarnings > 0 { feed.warnings.append("… and \(suppressedWarnings) more warnings like these") }
        return feed
    }

    /// A feed's or an item's date; one that does not parse is left out, with a warning naming `place`.
    static func date(_ text: String?, in place: @autoclosure () -> String, warn: (String) -> Void) -> Date? {
        guard let text else { return nil }
        if let parsed = FeedDate.parse(text) { return parsed }
        warn("unparseable date “\(PlainText.sanitized(text))” in \(place())")
        return nil
    }

    static func plain(_ text: String, _ type: TextType) -> String? {
        if case .text = type { return PlainText.fromText(text) }
        return PlainText.fromHTML(text)
    }

    private func html(_ text: String, _ type: TextType) -> String {
        if case .text = type { return HTMLText.escape(text) }
        return text
    }

    private func setOnce(_ slot: inout String?, _ value: String?) {
        if slot == nil { slot = value }
    }

    private func setOnce(_ slot: inout String?, _ value: String) {
        if slot == nil { slot = value }
    }

    static func firstNonEmpty(_ lists: [ParsedPerson]...) -> [ParsedPerson] {
        lists.first { !$0.isEmpty } ?? []
    }
}

