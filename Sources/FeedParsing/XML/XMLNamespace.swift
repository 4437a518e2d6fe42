import CLibXML2
import Foundation

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

    /// libxml2 hands an ampersand in an attribute value over as "&#38;" when it does not substitute entities
    /// (and it must not: that would load external ones).
    func attributeValue(_ index: Int) -> String {
        guard let start = pointer![index * 5 + 3], let end = pointer![index * 5 + 4] else { return "" }
        let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        return value.contains("&#38;") ? value.replacingOccurrences(of: "&#38;", with: "&") : value
    }
}

/// libxml2 interns names and namespace URIs in its dictionary, so one String per distinct pointer is made
/// once per parse instead of once per element.
final class XMLNameTable {
    private var strings: [UnsafeRawPointer: String] = [:]
    private var namespaces: [UnsafeRawPointer: XMLNamespace] = [:]

    func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(pointer)
        if let known = strings[key] { return known }
        let made = String(cString: pointer)
        strings[key] = made
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
