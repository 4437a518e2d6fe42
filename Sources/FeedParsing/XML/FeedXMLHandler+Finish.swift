import Foundation

// Where captured text goes, and which source of a field wins when a feed gives several:
// the format's own element first, then Dublin Core, then iTunes, then Atom links.

extension FeedXMLHandler {
    func assign(_ field: CapturedField, _ text: String, type: TextType, base: URL?) {
        switch field {
        case .feedTitle: setOnce(&feedDraft.title, plain(text, type))
        case .feedLink:
            if feedDraft.link == nil, let url = resolve(text, base: base) {
                feedDraft.link = url
                feedLinkURL = URLText.absoluteURL(url) ?? feedLinkURL
            }
        case .feedDCTitle: setOnce(&feedDraft.dcTitle, plain(text, type))
        case .feedDCDescription: setOnce(&feedDraft.dcDescription, plain(text, type))
        case .feedDescription: setOnce(&feedDraft.description, plain(text, type))
        case .feedItunesSummary: setOnce(&feedDraft.itunesSummary, plain(text, type))
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

        // An item field is set the first time it is given, in place (a key path through the optional draft
        // copies it whole); outside any item it is dropped.
        case .itemTitle: if itemDraft?.title == nil { itemDraft?.title = plain(text, type) }
        case .itemLink: if itemDraft?.link == nil { itemDraft?.link = resolve(text, base: base) }
        case .itemSummary, .itemItunesSummary, .itemContent, .itemDCDescription:
            assignBody(field, .html(html(text, type)))
        case .itemGUID, .itemID: if itemDraft?.id == nil { itemDraft?.id = PlainText.sanitized(text) }
        case .itemPublished: if itemDraft?.published == nil { itemDraft?.published = text }
        case .itemDCDate: if itemDraft?.dcDate == nil { itemDraft?.dcDate = text }
        case .itemCreated: if itemDraft?.created == nil { itemDraft?.created = text }
        case .itemUpdated: if itemDraft?.updated == nil { itemDraft?.updated = text }
        case .itemAuthor: itemDraft?.authors.append(PersonText.parse(text))
        case .itemDCCreator: itemDraft?.dcCreators.append(PersonText.parse(text))
        case .itemItunesAuthor: itemDraft?.itunesAuthors.append(PersonText.parse(text))
        case .itemCategory: if let category = plain(text, type) { itemDraft?.categories.append(category) }
        case .itemSubject: if let subject = plain(text, type) { itemDraft?.subjects.append(subject) }
        case .itemKeywords:
            itemDraft?.keywords += text.split(separator: ",").compactMap { PlainText.fromHTML(String($0)) }
        case .itemDCTitle: if itemDraft?.dcTitle == nil { itemDraft?.dcTitle = plain(text, type) }

        case .personName: person?.name = PlainText.fromText(text)
        case .personEmail: person?.email = PlainText.fromText(text)
        case .personURI: person?.uri = resolve(text, base: base)
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

    /// The item with everything but its summary and content, which come from `draft.bodies.resolved()`.
    func makeItem(_ draft: ItemDraft, number: Int) -> ParsedItem {
        var item = ParsedItem(id: draft.id, title: draft.title ?? draft.dcTitle)
        let permalink = draft.guidIsPermaLink ? draft.id.flatMap { URLText.absoluteURL($0) != nil && $0.lowercased().hasPrefix("http") ? $0 : nil } : nil
        item.link = draft.link ?? draft.atomAlternateLink ?? permalink
        item.published = date(draft.published, "item \(number)") ?? date(draft.dcDate, "item \(number)") ?? date(draft.created, "item \(number)")
        item.updated = date(draft.updated, "item \(number)")
        item.authors = firstNonEmpty(draft.authors, draft.dcCreators, draft.itunesAuthors)
        item.categories = draft.keywords + draft.categories + draft.subjects + draft.atomCategories
        item.enclosures = draft.enclosures
        for media in draft.mediaEnclosures where !item.enclosures.contains(where: { $0.url == media.url }) {
            item.enclosures.append(media)
        }
        return item
    }

    func makeFeed(format: FeedFormat, items: [ParsedItem]) -> ParsedFeed {
        let draft = feedDraft
        var feed = ParsedFeed(format: format, title: draft.title ?? draft.dcTitle, items: items)
        feed.link = draft.link ?? draft.atomAlternateLink
        feed.feedURL = draft.feedURL
        feed.description = draft.description ?? draft.dcDescription ?? draft.itunesSummary
        feed.language = draft.language ?? draft.dcLanguage ?? draft.xmlLang.flatMap { PlainText.fromText($0) }
        feed.updated = date(draft.updated, "the feed") ?? date(draft.dcDate, "the feed")
        feed.image = draft.image ?? draft.itunesImage ?? draft.mediaImage ?? draft.icon
        feed.authors = firstNonEmpty(draft.authors, draft.webMasters, draft.dcCreators, draft.itunesAuthors)
        feed.warnings = warnings
        if suppressedWarnings > 0 { feed.warnings.append("… and \(suppressedWarnings) more warnings like these") }
        return feed
    }

    /// `place` is only spelled out for a warning: most dates parse.
    private func date(_ text: String?, _ place: @autoclosure () -> String) -> Date? {
        guard let text else { return nil }
        if let parsed = FeedDate.parse(text) { return parsed }
        warn("unparseable date “\(PlainText.sanitized(text))” in \(place())")
        return nil
    }

    private func plain(_ text: String, _ type: TextType) -> String? {
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


    private func firstNonEmpty(_ lists: [ParsedPerson]...) -> [ParsedPerson] {
        lists.first { !$0.isEmpty } ?? []
    }
}

