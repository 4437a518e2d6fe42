import TextSafety

// RSS 0.90–0.94, 2.0 and 1.0 (RDF): which element means what, with the namespaces RSS feeds carry
// (content, Dublin Core, atom:link, Media RSS, iTunes).

extension FeedXMLHandler {
    func startRSS(_ name: XMLName, in parent: Scope, attributes: XMLAttributes, depth: Int) -> Scope {
        let core = name.namespace == .none || name.namespace == .rss10 || name.namespace == .rss090
        switch parent {
        case .root:
            guard core else { return .other }
            switch name.local {
            case "channel":
                if name.namespace == .rss090 { upgradeToRSS090() }
                return .channel
            case "item": return beginItem()  // RDF items are the channel's siblings
            case "image": return .image
            case "textinput", "textInput": return .ignored
            default: return .other
            }
        case .channel:
            return startRSSChannelChild(name, core: core, attributes: attributes, depth: depth)
        case .image:
            if core && name.local == "url" { beginCapture(.feedImageURL, depth: depth) }
            return .other
        case .item, .mediaGroup:
            return startRSSItemChild(name, core: core, attributes: attributes, depth: depth, parent: parent)
        case .person:
            if name.namespace == .atom { startPersonChild(name.local, depth: depth) }
            return .other
        default:
            return .other
        }
    }

    private func upgradeToRSS090() {
        if format == .rss10 { setFormat(.rss09x) }
    }

    private func startRSSChannelChild(_ name: XMLName, core: Bool, attributes: XMLAttributes, depth: Int) -> Scope {
        if core {
            switch name.local {
            case "title": beginCapture(.feedTitle, depth: depth)
            case "link": beginCapture(.feedLink, depth: depth)
            case "description": beginCapture(.feedDescription, depth: depth)
            case "language": beginCapture(.feedLanguage, depth: depth)
            case "lastBuildDate": beginCapture(.feedUpdated, depth: depth)
            case "pubDate": beginCapture(.feedPubDate, depth: depth)
            case "managingEditor": beginCapture(.feedManagingEditor, depth: depth)
            case "webMaster": beginCapture(.feedWebMaster, depth: depth)
            case "image": return .image
            case "item": return beginItem()
            case "textInput", "textinput", "skipHours", "skipDays", "cloud": return .ignored
            default: break
            }
            return .other
        }
        switch (name.namespace, name.local) {
        case (.dc, "title"): beginCapture(.feedDCTitle, depth: depth)
        case (.dc, "description"): beginCapture(.feedDCDescription, depth: depth)
        case (.dc, "creator"), (.dc, "author"): beginCapture(.feedDCCreator, depth: depth)
        case (.dc, "date"): beginCapture(.feedDCDate, depth: depth)
        case (.dc, "language"): beginCapture(.feedDCLanguage, depth: depth)
        case (.itunes, "author"): beginCapture(.feedItunesAuthor, depth: depth)
        case (.itunes, "summary"): beginCapture(.feedItunesSummary, depth: depth)
        case (.itunes, "image"):
            if feedDraft.itunesImage == nil, let href = attributes.value("href") { feedDraft.itunesImage = resolve(href, base: currentBase) }
        case (.itunes, "owner"), (.itunes, "category"): return .ignored
        case (.atom, "link"):
            atomLink(attributes, forItem: false)
        case (.media, "thumbnail"), (.media, "content"):
            if feedDraft.mediaImage == nil, name.local == "thumbnail" || MediaContent.isImage(attributes), let url = attributes.value("url") {
                feedDraft.mediaImage = resolve(url, base: currentBase)
            }
        default: break
        }
        return .other
    }

    private func startRSSItemChild(_ name: XMLName, core: Bool, attributes: XMLAttributes, depth: Int, parent: Scope) -> Scope {
        if core && parent == .item {
            switch name.local {
            case "title": beginCapture(.itemTitle, depth: depth)
            case "link": beginCapture(.itemLink, depth: depth)
            case "description": beginCapture(.itemSummary, depth: depth)
            case "guid":
                // RSS 2.0: a guid is a permalink unless it says isPermaLink="false".
                itemDraft?.guidIsPermaLink = attributes.value("isPermaLink")?.lowercased() != "false"
                beginCapture(.itemGUID, depth: depth)
            case "pubDate": beginCapture(.itemPublished, depth: depth)
            case "author": beginCapture(.itemAuthor, depth: depth)
            case "category": beginCapture(.itemCategory, depth: depth)
            case "enclosure":
                if let enclosure = enclosure(url: attributes.value("url"), type: attributes.value("type"), length: attributes.value("length")) {
                    itemDraft?.enclosures.append(enclosure)
                }
            case "source": return .ignored
            case "item": return beginItem() // the previous item was never closed
            default: break
            }
            return .other
        }
        switch (name.namespace, name.local) {
        case (.content, "encoded"): beginCapture(.itemContent, depth: depth)
        case (.dc, "title"): beginCapture(.itemDCTitle, depth: depth)
        case (.dc, "description"): beginCapture(.itemDCDescription, depth: depth)
        case (.dc, "creator"), (.dc, "author"): beginCapture(.itemDCCreator, depth: depth)
        case (.dc, "date"): beginCapture(.itemDCDate, depth: depth)
        case (.dc, "subject"): beginCapture(.itemSubject, depth: depth)
        case (.itunes, "keywords"): beginCapture(.itemKeywords, depth: depth)
        case (.atom, "author"): return beginPerson(owner: .item)
        case (.atom, "content"):
            beginCapture(.itemContent, depth: depth, type: TextType(type: attributes.value("type"), mode: attributes.value("mode")))
        case (.atom, "summary"):
            beginCapture(.itemSummary, depth: depth, type: TextType(type: attributes.value("type"), mode: attributes.value("mode")))
        case (.atom, "category"):
            if let term = (attributes.value("label") ?? attributes.value("term")).flatMap({ PlainText.fromText($0) }) {
                itemDraft?.atomCategories.append(term)
            }
        case (.dcterms, "modified"), (.atom, "updated"): beginCapture(.itemUpdated, depth: depth)
        case (.atom, "published"): beginCapture(.itemPublished, depth: depth)
        case (.itunes, "author"): beginCapture(.itemItunesAuthor, depth: depth)
        case (.itunes, "summary"): beginCapture(.itemItunesSummary, depth: depth)
        case (.itunes, "duration"): beginCapture(.itemItunesDuration, depth: depth, type: .text)
        case (.itunes, "title"), (.media, "title"): beginCapture(.itemEpisodeTitle, depth: depth)
        case (.atom, "link"): atomLink(attributes, forItem: true)
        case (.media, "group"): return .mediaGroup
        case (.media, "content"): mediaContent(attributes)
        default: break
        }
        return .other
    }

    /// `<atom:link>` in RSS: rel="self" is the feed's own URL, "alternate" a fallback link, "enclosure" an
    /// enclosure.
    func atomLink(_ attributes: XMLAttributes, forItem: Bool) {
        guard let href = attributes.value("href"), let url = resolve(href, base: currentBase) else { return }
        switch attributes.value("rel")?.lowercased() ?? "alternate" {
        case "self" where !forItem:
            if feedDraft.feedURL == nil { feedDraft.feedURL = url }
        case "alternate":
            if forItem {
                if itemDraft?.atomAlternateLink == nil { itemDraft?.atomAlternateLink = url }
            } else if feedDraft.atomAlternateLink == nil {
                feedDraft.atomAlternateLink = url
                if feedLinkURL == nil { feedLinkURL = URLText.absoluteURL(url) }
            }
        case "enclosure" where forItem:
            if let enclosure = enclosure(url: href, type: attributes.value("type"), length: attributes.value("length")) {
                itemDraft?.enclosures.append(enclosure)
            }
        default: break
        }
    }

    /// Media RSS content that is not an image (audio, video) is an enclosure; images have no place in the
    /// item model.
    private func mediaContent(_ attributes: XMLAttributes) {
        guard !MediaContent.isImage(attributes),
              var enclosure = enclosure(url: attributes.value("url"), type: attributes.value("type"), length: attributes.value("fileSize"))
        else { return }
        enclosure.duration = attributes.value("duration").flatMap(EnclosureDuration.seconds)
        itemDraft?.mediaEnclosures.append(enclosure)
    }

    func enclosure(url: String?, type: String?, length: String?) -> ParsedEnclosure? {
        guard let url, let absolute = resolve(url, base: currentBase) else { return nil }
        let cleanType = type.flatMap { PlainText.fromText($0) }
        let size = length.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
        return ParsedEnclosure(url: absolute, type: cleanType, length: size)
    }
}

/// Media RSS `medium` and `type` tell an image from a recording.
enum MediaContent {
    static func isImage(_ attributes: XMLAttributes) -> Bool {
        if let medium = attributes.value("medium") { return medium.lowercased() == "image" }
        if let type = attributes.value("type") { return type.lowercased().hasPrefix("image/") }
        // media:thumbnail has neither, and is always an image
        return attributes.value("url").map(looksLikeImage) ?? false
    }

    private static func looksLikeImage(_ url: String) -> Bool {
        let lower = url.lowercased()
        return [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"].contains { lower.hasSuffix($0) }
    }
}
