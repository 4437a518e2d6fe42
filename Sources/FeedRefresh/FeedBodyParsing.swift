import FeedFetching
import FeedParsing
import Localization

/// A fetched body → `ParsedFeed`, the same way for reload and `feeds check`. The parser sniffs the bytes
/// (a page served as a feed or a feed served as `text/html` are both common) and names the feeds an HTML page
/// advertises. Errors carry the reason alone: the caller knows which feed it was.
enum FeedBodyParsing {
    static func parse(_ body: FetchedBody) throws(FeedParseError) -> ParsedFeed {
        do {
            return try FeedParser().parse(body.data, url: body.finalURL, httpCharset: body.charset)
        } catch let error as FeedParseError {
            throw FeedParseError(error.words)
        } catch {
            throw FeedParseError(Words(N_("cannot parse: %s"), "\(error)"))
        }
    }
}
