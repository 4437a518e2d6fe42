import FeedModel
import ReaderCore

/// Fetches feeds and stores what changed. Called on a background thread; reports after each feed.
public protocol FeedRefreshing: Sendable {
    /// `feeds` nil means every feed. Returns the final count of feeds done and failed.
    func refresh(_ feeds: [FeedID]?, progress: @escaping @Sendable (ReloadProgress) -> Void) -> ReloadProgress
}
