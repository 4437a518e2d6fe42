import FeedFetching
import FeedList
import FeedParsing
import Foundation
import Localization
import TextSafety

/// The admin's remote list (`feeds_url` in the system config): fetched on reload and cached in feeds-list format,
/// so the system list still holds it when the network is down.
public enum RemoteFeedList {
    /// Fetches the list and rewrites the cache. Returns a warning to show when it could not (the cache stays), in
    /// the fetcher's language.
    public static func refresh(_ layers: FeedListLayers, fetcher: FeedFetcher) async -> String? {
        guard let url = layers.systemConfig.feedsURL else { return nil }
        let cache = layers.locations.remoteCache
        let words = fetcher.settings.catalogue
        func keptCache(_ why: String) -> String {
            FileManager.default.fileExists(atPath: cache.path)
                ? words.tr("%s: %s; using the cached copy", URLText.printable(url), why)
                : words.tr("%s: %s; no cached copy yet", URLText.printable(url), why)
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
            return words.text(of: error)
        }
        return nil
    }
}
