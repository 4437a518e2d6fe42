import CLibXML2
import Foundation
import TextSafety

// Reads OPML bytes with libxml2's tree parser: recovering from malformed markup, never loading external
// entities or anything from the network, never printing to stderr. Strings that leave here are cleaned.
extension OPMLDocument {
    /// Subscription lists are small; anything this large is not one.
    public static let sizeLimit = 16 * 1024 * 1024

    /// `source` names the input in errors ("abonnements.opml", "-").
    public init(parsing data: Data, source: String) throws(OPMLError) {
        guard data.count <= OPMLDocument.sizeLimit else {
            throw OPMLError("\(source): not an OPML file (\(data.count) bytes; the limit is \(OPMLDocument.sizeLimit))")
        }
        guard data.contains(where: { !$0.isXMLSpace }) else {
            throw OPMLError("\(source): not an OPML file (it is empty)")
        }
        // Hand-edited files have raw "&" in URLs, HTML entities and control bytes, as feeds do; UTF-16 files go
        // through untouched (the repair reads ASCII-compatible bytes).
        let isUTF16 = data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE])
            || data.starts(with: [0x00, 0x3C]) || data.starts(with: [0x3C, 0x00])
        let data = isUTF16 ? data : Data(XMLMarkupRepair([UInt8](data)).output)
        LibXML.initialize()
        let options = Int32(bitPattern: XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        // Latin-1 bytes with no declared encoding stop libxml2 cold; windows-1252 is what such files mean.
        let encoding = OPMLDocument.declaresEncoding(data) || String(validating: data, as: UTF8.self) != nil
            ? nil : "windows-1252"
        let document = data.withUnsafeBytes { raw in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            return xmlReadMemory(base, Int32(raw.count), nil, encoding, options)
        }
        guard let document else { throw OPMLError("\(source): not an OPML file (no XML in it)") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw OPMLError("\(source): not an OPML file (no XML in it)")
        }
        let rootName = OPMLDocument.name(of: root)
        guard rootName == "opml" else {
            let why = switch rootName {
            case "rss", "feed", "rdf": "it is a feed, not a list of feeds; add its URL instead"
            case "html": "it is an HTML page"
            default: "its root element is <\(rootName)>, not <opml>"
            }
            throw OPMLError("\(source): not an OPML file (\(why))")
        }
        var title: String?
        var outlines: [OPMLOutline] = []
        var hasBody = false
        for child in OPMLDocument.elements(in: root) {
            switch OPMLDocument.name(of: child) {
            case "head":
                let titles = OPMLDocument.elements(in: child).filter { OPMLDocument.name(of: $0) == "title" }
                if let element = titles.first {
                    title = OPMLDocument.textContent(of: element)
                }
            case "body":
                hasBody = true
                outlines += OPMLDocument.outlines(in: child)
            default:
                break
            }
        }
        // A recovered file whose <body> was lost still keeps its outlines.
        if !hasBody { outlines = OPMLDocument.outlines(in: root) }
        self.init(title: title, outlines: outlines)
    }

    /// libxml2 caps nesting at 256 levels (no XML_PARSE_HUGE), which bounds this recursion.
    private static func outlines(in parent: xmlNodePtr) -> [OPMLOutline] {
        elements(in: parent).filter { name(of: $0) == "outline" }.map { node in
            let attributes = attributes(of: node)
            let type = attributes["type"]
            // Older exports put the feed in `url`; for type="link" or "include" that is a page or another OPML.
            let isFeedType = type.map { ["rss", "atom", "feed"].contains($0.lowercased()) } ?? true
            let url = attributes["xmlurl"] ?? (isFeedType ? attributes["url"] : nil)
            let categories = (attributes["category"] ?? "").split(separator: ",").compactMap {
                OPMLDocument.clean(String($0))
            }
            return OPMLOutline(text: attributes["text"], title: attributes["title"], type: type, xmlURL: url,
                               htmlURL: attributes["htmlurl"], categories: categories, children: outlines(in: node))
        }
    }

    private static func elements(in parent: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = parent.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { found.append(node) }
            child = node.pointee.next
        }
        return found
    }

    /// Lower-cased: real files write `opml`, `OPML`, `xmlUrl`, `xmlURL` and `xmlurl`.
    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// Attribute values by lower-cased name, cleaned; empty values are left out.
    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var values: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let rawName = attribute.pointee.name,
                  let rawValue = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) else { continue }
            defer { qn_xml_free(rawValue) }
            let key = String(cString: rawName).lowercased()
            if values[key] == nil, let value = OPMLDocument.clean(String(cString: rawValue)) { values[key] = value }
        }
        return values
    }

    private static func textContent(of node: xmlNodePtr) -> String? {
        guard let raw = xmlNodeGetContent(node) else { return nil }
        defer { qn_xml_free(raw) }
        return OPMLDocument.clean(String(cString: raw))
    }

    /// An `encoding="…"` in the XML declaration, which libxml2 then honours.
    private static func declaresEncoding(_ data: Data) -> Bool {
        let prolog = data.prefix(200)
        guard prolog.starts(with: Array("<?xml".utf8)) || prolog.starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
        let end = prolog.firstIndex(of: UInt8(ascii: ">")) ?? prolog.endIndex
        return prolog[..<end].firstRange(of: Array("encoding".utf8)) != nil
    }

    /// Text from a stranger's list: one line, safe to print, nil when empty.
    static func clean(_ text: String) -> String? {
        let line = SafeText.collapsedLine(text)
        return line.isEmpty ? nil : line
    }
}
