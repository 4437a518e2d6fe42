import CLibXML2
import Foundation

/// The feeds an HTML page advertises (`<link rel="alternate" type="application/rss+xml" href="…">`), so
/// "not a feed" can say where the feed is.
enum HTMLFeedLinks {
    private static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json",
                                                 "application/json", "application/rdf+xml", "text/xml", "application/xml"]

    static func find(in bytes: UnsafeRawBufferPointer, pageURL: URL?) -> [String] {
        LibXML.initialize()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
        guard let base = bytes.baseAddress,
              let document = htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(min(bytes.count, Int(Int32.max))), nil, nil, options)
        else { return [] }
        defer { xmlFreeDoc(document) }
        var links: [String] = []
        var pageBase = pageURL
        visit(xmlDocGetRootElement(document)) { node in
            let name = String(cString: node.pointee.name).lowercased()
            if name == "base", let href = attribute(node, "href") {
                pageBase = URL(string: href, relativeTo: pageURL)?.absoluteURL ?? pageBase
            }
            guard name == "link",
                  let rel = attribute(node, "rel")?.lowercased(), rel.split(separator: " ").contains("alternate"),
                  let type = attribute(node, "type")?.lowercased().trimmingCharacters(in: .whitespaces), feedTypes.contains(type),
                  let href = attribute(node, "href")?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty
            else { return }
            let absolute = pageBase.flatMap { URLText.resolve(href, against: $0) } ?? href
            let safe = PlainText.sanitized(absolute)
            if !links.contains(safe) { links.append(safe) }
        }
        return links
    }

    private static func visit(_ node: xmlNodePtr?, _ body: (xmlNodePtr) -> Void) {
        var current = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE {
                body(element)
                visit(element.pointee.children, body)
            }
            current = element.pointee.next
        }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { qn_xml_free(value) }
        return String(cString: value)
    }
}
