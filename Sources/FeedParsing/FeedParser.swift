import Foundation
import Localization

/// Bytes plus the URL they came from → `ParsedFeed`. The format is sniffed from the bytes: RSS 0.9x/1.0/2.0
/// and Atom 0.3/1.0 go through libxml2's SAX parser (`XMLFeedReader`), JSON Feed through Foundation's JSON.
/// Pure: no file, network or clock.
public struct FeedParser: Sendable {
    public static let defaultMaxBytes = 64 << 20

    /// Inputs larger than this are refused.
    public var maxBytes: Int

    public init(maxBytes: Int = FeedParser.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    public func parse(_ bytes: Data, url: URL?, httpCharset: String? = nil) throws -> ParsedFeed {
        let input = Self.inputName(url)
        guard bytes.count <= maxBytes else {
            throw FeedParseError(input: input, Words(N_("refused: larger than the %s limit (%s read)"), Self.mebibytes(maxBytes), Self.mebibytes(bytes.count)))
        }
        return try bytes.withUnsafeBytes { raw in
            switch FeedSniffer.sniff(raw) {
            case .json:
                return try JSONFeedReader.parse(Data(raw), fetchURL: url, input: input)
            case .html:
                throw htmlPage(raw, url: url, input: input)
            case .empty:
                throw FeedParseError(input: input, Words(N_("not a feed: the file is empty")))
            case .unknown:
                throw FeedParseError(input: input, Words(N_("not a feed: neither XML, JSON nor HTML")))
            case .xml:
                switch XMLFeedReader.read(raw, fetchURL: url, httpCharset: httpCharset) {
                case .feed(let feed):
                    return feed
                case .htmlPage:
                    throw htmlPage(raw, url: url, input: input)
                case .notAFeed(let reason):
                    throw FeedParseError(input: input, Words(N_("not a feed: %s"), arguments: [.words(reason)]))
                }
            }
        }
    }

    private func htmlPage(_ raw: UnsafeRawBufferPointer, url: URL?, input: String) -> FeedParseError {
        let links = HTMLFeedLinks.find(in: raw, pageURL: url)
        let reason = links.isEmpty
            ? Words(N_("not a feed: HTML page, and it links to no feed"))
            : Words(N_("not a feed: HTML page; it links to %s"), links.joined(separator: ", "))
        return FeedParseError(input: input, reason)
    }

    private static func mebibytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }

    static func inputName(_ url: URL?) -> String {
        guard let url else { return "input" }
        return url.isFileURL ? url.path : url.absoluteString
    }
}
