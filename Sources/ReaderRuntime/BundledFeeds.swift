import FeedList
import FeedModel
import FeedParsing
import FeedStorage
import Foundation

/// The feeds shipped inside the binary (the French demo), put in the store with no network: what the reader does
/// on a first run, before its first screen. Later reloads refresh them like any feed (the refresher serves their
/// bytes from memory).
public enum BundledFeeds {
    /// Parses and stores every bundled feed; returns how many articles were new.
    @discardableResult
    public static func importInto(_ store: FeedStore, now: Date = Date()) throws -> Int {
        var new = 0
        for (url, bytes) in DemoFeed.embedded.sorted(by: { $0.key < $1.key }) {
            let feed = try store.findOrCreateFeed(url: url)
            let parsed = try FeedParser().parse(bytes, url: URL(string: url))
            new += try store.apply(parsed, to: feed.id, fetched: .success(httpStatus: nil, validators: FeedValidators()), now: now).new
        }
        return new
    }
}
