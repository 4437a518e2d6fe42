import FeedFetching
import FeedList
import FeedParsing
import Foundation
import TextSafety

/// The admin's remote list (`feeds_url` in the system config): fetched on reload and cached in feeds-list format,
/// so the system list still holds it when the network is down.
public enum RemoteFeedList {
    /// Fetches the list and rewrites the cache. Returns a warning to show when it could not (the cache stays).
    public static func refresh(_ layers: FeedListLayers, fetcher: FeedFetcher) async -> String? {
        guard let url = layers.systemConfig.feedsURL else { return nil }
        let cache = layers.locations.remoteCache
        func keptCache(_ why: String) -> String {
            let fallback = FileManager.default.fileExists(atPath: cache.path) ? "using the cached copy" : "no cached copy yet"
            return "\(URLText.printable(url)): \(why); \(fallback)"
        }
        let result = await fetcher.fetch(FetchRequest(url: url))
        guard case .body(let body) = result.outcome else {
            if let failure = result.failure { return keptCache(failure.message) }
            return nil
        }
        let document: OPMLDocument
        do {
            document = try OPMLDocument(parsing: body.data, source: url)
        } catch {
            return keptCache(error.message)
        }
        do {
            try FeedListFile(remoteCopyOf: document, from: url, name: cache.path).save(to: cache)
        } catch {
            return "\(cache.path): \(error)"
        }
        return nil
    }
}
