import FeedFetching
import FeedList
import FilterLanguage
import Foundation
import Localization

/// A reload as `qnread reload` and the reader's `R` run it: the admin's remote list first, then the feeds list
/// synced into the store, then every feed (or the named ones), with permanent moves written back to the list.
extension Refresher {
    public struct NotListed: Error, CustomStringConvertible {
        public var url: String
        public var description: String { "\(url) is not in the feeds list (add it with `qnread feeds add`)" }
    }

    /// `systemConfig` is the admin's config as read by the caller (it names the remote list). `warn` gets the
    /// feeds list's bad lines and a remote list that could not be fetched; `progress` as in `refresh`. Throws
    /// `NotListed` for a named URL the list does not have, or a store error from the sync.
    public func reload(_ locations: FeedListLocations, systemConfig: SystemConfig, only urls: [String] = [],
                       warn: @escaping @Sendable (String) -> Void = { _ in },
                       progress: @escaping @Sendable (RefreshProgress) -> Void = { _ in }) async throws -> RefreshSummary {
        var layers = FeedListLayers.load(locations, systemConfig: systemConfig)
        if systemConfig.feedsURL != nil {
            let listFetcher = FeedFetcher(settings: fetchSettings)
            if let warning = await RemoteFeedList.refresh(layers, fetcher: listFetcher) { warn(warning) }
            layers = FeedListLayers.load(locations, systemConfig: systemConfig)
        }
        for problem in layers.problems { warn(fetchSettings.catalogue.text(of: problem)) }
        let feeds = layers.feeds
        try syncSubscriptions(feeds)
        let listed = Set(feeds.map(\.url))
        if let missing = urls.first(where: { !listed.contains($0) }) { throw NotListed(url: missing) }
        let moves = PermanentMoves(layers)
        // Query and search feeds are made of stored articles: nothing to fetch for them.
        let fetched = (urls.isEmpty ? feeds.map(\.url) : urls).filter { !QueryFeed.isQuery($0) }
        return await refresh(fetched, onPermanentMove: { moves.apply(from: $0, to: $1) }, progress: progress)
    }
}

/// Permanent redirects rewrite the feeds list; feeds finish concurrently, so the edits are serialized here.
public final class PermanentMoves: @unchecked Sendable {
    private let lock = NSLock()
    private var layers: FeedListLayers

    public init(_ layers: FeedListLayers) { self.layers = layers }

    /// True when the list now names `newURL` (so the store may follow the move).
    public func apply(from url: String, to newURL: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return layers.moveFeed(from: url, to: newURL)
    }
}
