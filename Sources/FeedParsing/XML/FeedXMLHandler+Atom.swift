// Atom 1.0 and 0.3: text constructs (type="text|html|xhtml", 0.3's mode="escaped|xml|base64"), links by rel,
// people, categories by term or label.

extension FeedXMLHandler {
    func startAtom(_ name: XMLName, in parent: Scope, attributes: XMLAttributes, depth: Int) -> Scope {
        let core = name.namespace == rootNamespace || name.namespace == .atom || name.namespace == .atom03
        switch parent {
        case .root where core:
            return startAtomFeedChild(name.local, attributes: attributes, depth: depth)
        case .item where core:
            return startAtomEntryChild(name.local, attributes: attributes, depth: depth)
        case .person where core:
            startPersonChild(name.local, depth: depth)
            return .other
        case .item, .mediaGroup:
            // Extensions inside entries (YouTube's media:group, Dublin Core): the RSS table knows them.
            return startRSS(name, in: parent, attributes: attributes, depth: depth)
        default:
            return .other
        }
    }

    func startPersonChild(_ local: String, depth: Int) {
        switch local {
        case "name": beginCapture(.personName, depth: depth, type: .text)
        case "email": beginCapture(.personEmail, depth: depth, type: .text)
        case "uri", "url": beginCapture(.personURI, depth: depth, type: .text)
        default: break
        }
    }

    private func startAtomFeedChild(_ local: String, attributes: XMLAttributes, depth: Int) -> Scope {
        let type = TextType(type: attributes.value("type"), mode: attributes.value("mode"))
        switch local {
        case "title": beginCapture(.feedTitle, depth: depth, type: type)
        case "subtitle", "tagline": beginCapture(.feedDescription, depth: depth, type: type)
        case "link": atomLink(attributes, forItem: false)
        case "updated", "modified": beginCapture(.feedUpdated, depth: depth, type: .text)
        case "icon": beginCapture(.feedIcon, depth: depth, type: .text)
        case "logo": beginCapture(.feedLogo, depth: depth, type: .text)
        case "author": return beginPerson(owner: .root)
        case "entry": return beginItem()
        case "contributor", "source": return .ignored
        default: break
        }
        return .other
    }

    private func startAtomEntryChild(_ local: String, attributes: XMLAttributes, depth: Int) -> Scope {
        let type = TextType(type: attributes.value("type"), mode: attributes.value("mode"))
        switch local {
        case "id": beginCapture(.itemID, depth: depth, type: .text)
        case "title": beginCapture(.itemTitle, depth: depth, type: type)
        case "link": atomLink(attributes, forItem: true)
        case "published", "issued": beginCapture(.itemPublished, depth: depth, type: .text)
        case "created": beginCapture(.itemCreated, depth: depth, type: .text)
        case "updated", "modified": beginCapture(.itemUpdated, depth: depth, type: .text)
        case "summary": beginCapture(.itemSummary, depth: depth, type: type)
        case "content":
            // content src="…" points elsewhere: there is nothing inline to keep.
            if attributes.value("src") == nil { beginCapture(.itemContent, depth: depth, type: type) }
        case "author": return beginPerson(owner: .item)
        case "category":
            if let category = (attributes.value("label") ?? attributes.value("term")).flatMap({ PlainText.fromText($0) }) {
                itemDraft?.categories.append(category)
            }
        case "contributor", "source": return .ignored
        default: break
        }
        return .other
    }
}
