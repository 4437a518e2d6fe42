import Foundation
import Localization

/// One XML feed, start to end: its bytes made UTF-8 (`UTF8Input`), its markup repaired (`XMLMarkupRepair`),
/// parsed by libxml2 (`SAXParser`) into `FeedXMLHandler`, which builds the feed.
enum XMLFeedReader {
    enum Outcome {
        case feed(ParsedFeed)
        case notAFeed(Words)
        /// An HTML page parsed as XML: FeedParser looks for the feeds it links to.
        case htmlPage
    }

    static func read(_ raw: UnsafeRawBufferPointer, fetchURL: URL?, httpCharset: String?) -> Outcome {
        var input = UTF8Input(raw, httpCharset: httpCharset)
        var (markup, handler, parser) = parse(input, fetchURL: fetchURL)
        // libxml2 stops at the first byte that is not UTF-8 (a Latin-1 feed that declares nothing, cp1252 pasted
        // into UTF-8): such a feed is read again, repaired.
        if parser.errorCount > 0, let repaired = input.checked() {
            input = repaired
            (markup, handler, parser) = parse(input, fetchURL: fetchURL)
        }

        if handler.isHTMLPage { return .htmlPage }
        if let reason = handler.notAFeed { return .notAFeed(reason) }
        guard let format = handler.format else {
            guard let first = parser.firstErrors.first else { return .notAFeed(Words(N_("no XML element found"))) }
            return .notAFeed(Words(N_("no XML element found (%s)"), first))
        }
        var feed = handler.finishFeed(format: format)
        if parser.errorCount > 0 {
            let first = parser.firstErrors.first.map { "; first at \($0)" } ?? ""
            feed.warnings.insert("recovered from \(parser.errorCount) XML error\(parser.errorCount == 1 ? "" : "s")\(first)", at: 0)
        }
        if input.repairedBytes > 0 {
            feed.warnings.append("\(input.repairedBytes) byte\(input.repairedBytes == 1 ? " was" : "s were") not UTF-8 and read as windows-1252")
        }
        if input.unconvertedBytes > 0 {
            feed.warnings.append("\(input.unconvertedBytes) byte\(input.unconvertedBytes == 1 ? " was" : "s were") not in the declared encoding")
        }
        if markup.strayMarkup > 0 {
            feed.warnings.append("kept \(markup.strayMarkup) unescaped “&” or “<” as text")
        }
        return .feed(feed)
    }

    private static func parse(_ input: UTF8Input, fetchURL: URL?) -> (XMLMarkupRepair, FeedXMLHandler, SAXParser) {
        let markup = XMLMarkupRepair(input.bytes)
        let handler = FeedXMLHandler(fetchURL: fetchURL)
        let parser = SAXParser(handler: handler)
        parser.parse(markup.output)
        return (markup, handler, parser)
    }
}
