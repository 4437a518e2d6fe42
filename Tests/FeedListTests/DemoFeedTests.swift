import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FeedList
import Testing

@Suite("The bundled demo feed")
struct DemoFeedTests {
    /// Counts elements with Foundation's own XML parser, independent of qnread's parser.
    final class Census: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var encoded = ""
        private var inEncoded = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            counts[qualifiedName ?? name, default: 0] += 1
            inEncoded = (qualifiedName ?? name) == "content:encoded"
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inEncoded = false
        }
        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if inEncoded { encoded += String(decoding: block, as: UTF8.self) }
        }
    }

    @Test("It is well-formed RSS 2.0 with a long report and shorter articles in content:encoded")
    func wellFormed() throws {
        let parser = XMLParser(data: DemoFeed.data)
        let census = Census()
        parser.delegate = census
        #expect(parser.parse())
        #expect(census.counts["rss"] == 1)
        #expect((4...6).contains(census.counts["item"] ?? 0))
        #expect(census.counts["content:encoded"] == census.counts["item"])
        #expect(census.encoded.contains("<img "))
        #expect(census.encoded.contains("youtube"))
        #expect(census.encoded.count > 6_000)
    }

    @Test("It is written in French with French typography")
    func french() {
        let text = String(decoding: DemoFeed.data, as: UTF8.self)
        #expect(text.contains("«\u{A0}"))
        #expect(text.contains("\u{A0}»"))
        #expect(text.contains("’"))
        #expect(text.contains("\u{202F}?"))
        #expect(text.contains("Québec"))
        #expect(!text.contains("'"))
        // A LaTeX-style "~" for a no-break space once slipped into titles; only code samples may use it.
        let outsideCode = text.replacingOccurrences(of: #"<code>[^<]*</code>"#, with: "", options: .regularExpression)
        #expect(!outsideCode.contains("~"))
    }
}
