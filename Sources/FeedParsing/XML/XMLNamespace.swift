import CLibXML2

/// The namespaces feeds use, by URI. Undeclared prefixes that real feeds use anyway (`atom:`, `itunes:`,
/// `media:`, `content:`, `dc:`) are read as the namespace everyone means by them.
enum XMLNamespace: Sendable {
    case none, atom, atom03, rss10, rss090, rdf, content, dc, dcterms, media, itunes, xhtml, xml, other

    init(uri: String) {
        switch uri {
        case "http://www.w3.org/2005/Atom": self = .atom
        case "http://purl.org/atom/ns#": self = .atom03
        case "http://purl.org/rss/1.0/": self = .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": self = .rss090
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/dc/elements/1.1/": self = .dc
        case "http://purl.org/dc/terms/": self = .dcterms
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": self = .media
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/XML/1998/namespace": self = .xml
        default:
            // Podcast feeds spell the iTunes URI with any capitals ("…/DTDs/PodCast-1.0.dtd").
            let lower = uri.lowercased()
            self = lower == "http://www.itunes.com/dtds/podcast-1.0.dtd" || lower == "https://www.itunes.com/dtds/podcast-1.0.dtd" ? .itunes : .other
        }
    }

    /// The namespace an undeclared prefix stands for in practice.
    init(undeclaredPrefix prefix: String) {
        switch prefix {
        case "atom": self = .atom
        case "content": self = .content
        case "dc": self = .dc
        case "dcterms": self = .dcterms
        case "media": self = .media
        case "itunes": self = .itunes
        case "rdf": self = .rdf
        case "xhtml": self = .xhtml
        case "xml": self = .xml
        default: self = .other
        }
    }
}

/// An element or attribute name: namespace and local name (markup kept inside a field is written back unprefixed).
struct XMLName {
    var namespace: XMLNamespace
    var local: String
}

/// The attributes of one start tag, read in place from libxml2's array (localname, prefix, URI, value, end)
/// without copying the ones nobody asks for.
struct XMLAttributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int
    let names: XMLNameTable

    func value(_ local: String, _ namespace: XMLNamespace = .none) -> String? {
        for index in 0..<count {
            let name = attributeName(index)
            if name.local == local && name.namespace == namespace { return attributeValue(index) }
        }
        return nil
    }

    func attributeName(_ index: Int) -> XMLName {
        let base = index * 5
        return names.name(local: pointer![base], prefix: pointer![base + 1], uri: pointer![base + 2])
    }

    /// libxml2 hands "&amp;" in attribute values over as "&#38;" when it does not substitute entities. Looked
    /// for in the bytes: Foundation's `contains` on the String cost more than the rest of the attribute.
    func attributeValue(_ index: Int) -> String {
        guard let start = pointer![index * 5 + 3], let end = pointer![index * 5 + 4] else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let escaped = Array("&#38;".utf8)
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + escaped.count <= bytes.count,
               bytes[i..<(i + escaped.count)].elementsEqual(escaped) {
                unescaped.append(UInt8(ascii: "&"))
                i += escaped.count
            } else {
                unescaped.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}

/// libxml2 interns names and namespace URIs in its dictionary, so one String per distinct pointer is made
/// once per parse instead of once per element.
/// A small direct-mapped cache in front of the dictionary answers the few names a feed repeats without
/// hashing.
final class XMLNameTable {
    private var strings: [UnsafeRawPointer: String] = [:]
    private var namespaces: [UnsafeRawPointer: XMLNamespace] = [:]
    private static let slots = 64
    private var recentKeys = [UnsafeRawPointer?](repeating: nil, count: XMLNameTable.slots)
    private var recentStrings = [String](repeating: "", count: XMLNameTable.slots)

    func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(pointer)
        let slot = (Int(bitPattern: key) >> 3) & (Self.slots - 1)
        if recentKeys[slot] == key { return recentStrings[slot] }
        let made: String
        if let known = strings[key] {
            made = known
        } else {
            made = String(cString: pointer)
            strings[key] = made
        }
        recentKeys[slot] = key
        recentStrings[slot] = made
        return made
    }

    func name(local: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> XMLName {
        let localName = local.map(string) ?? ""
        if let uri {
            let key = UnsafeRawPointer(uri)
            if let known = namespaces[key] { return XMLName(namespace: known, local: localName) }
            let made = XMLNamespace(uri: String(cString: uri))
            namespaces[key] = made
            return XMLName(namespace: made, local: localName)
        }
        if let prefix { return XMLName(namespace: XMLNamespace(undeclaredPrefix: string(prefix)), local: localName) }
        return XMLName(namespace: .none, local: localName)
    }
}
