import FeedFetching
import FeedParsing

/// A fetched body → `ParsedFeed`, the same way for reload and `feeds check`: an HTML page is refused with the
/// feeds it advertises named, so the reader knows which URL to use instead.
enum FeedBodyParsing {
    static func parse(_ body: FetchedBody) throws(FeedParseError) -> ParsedFeed {
        if body.looksLikeHTML {
            let links = FeedLinkScanner.feedLinks(in: body.data, pageURL: body.finalURL).map(\.url)
            throw FeedParseError(links.isEmpty ? "not a feed: HTML page"
                                               : "not a feed: HTML page; it links to " + links.joined(separator: ", "))
        }
        do {
            return try FeedParser().parse(body.data, url: body.finalURL, httpCharset: body.charset)
        } catch let error as FeedParseError {
            throw error
        } catch {
            throw FeedParseError("\(error)")
        }
    }
}
