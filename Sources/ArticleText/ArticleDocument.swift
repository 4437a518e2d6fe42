import CLibXML2
import Foundation

// Article HTML → blocks with inline marks and numbered links. Reads through libxml2's HTML parser with
// the network off and errors silenced; never touches the terminal, the disk or the clock.
public struct ArticleDocument: Hashable, Sendable {
    /// The page's `<title>`, when the HTML is a whole page.
    public var title: String?
    public var blocks: [ArticleBlock]
    /// Every distinct link, image and media URL, numbered from 1 in order of first appearance.
    public var links: [ArticleLink]

    public init(title: String? = nil, blocks: [ArticleBlock], links: [ArticleLink]) {
        self.title = title
        self.blocks = blocks
        self.links = links
    }

    /// Reads `html`; relative URLs are resolved against `baseURL` (the article's link).
    public init(html: String, baseURL: URL?) {
        var builder = DocumentBuilder(baseURL: baseURL)
        // No NOBLANKS: it drops the blank text between inline elements ("<b>a</b> <i>b</i>").
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        var html = html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0,
                  let doc = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
                      htmlReadMemory($0, Int32(clamping: bytes.count), nil, "UTF-8", options)
                  })
            else { return }
            defer { xmlFreeDoc(doc) }
            if let root = xmlDocGetRootElement(doc) { builder.read(root) }
        }
        self = builder.finish()
    }
}

public struct ArticleLink: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case link, image, video, audio }
    public var number: Int
    public var url: String
    public var kind: Kind
    /// What else is known of it, shown after its kind: an enclosure's size and duration ("12.3 MB, 45:30").
    public var detail: String?

    public init(number: Int, url: String, kind: Kind, detail: String? = nil) {
        self.number = number
        self.url = url
        self.kind = kind
        self.detail = detail
    }
}
