import FeedModel
import FeedStorage
import Foundation
import ReaderConfig
import ReaderCore

/// The reader's background reload: the same `Refresher.reload` as `qnread reload` (feeds list synced, then every
/// feed fetched), or a refresh of the named feeds. Runs on the loop's reload thread and blocks it — never the main
/// loop — until the async refresh is done. Afterwards applies the retention settings, as `qnread cleanup` would.
public struct ReaderReload: FeedRefreshing {
    private let refresher: Refresher
    private let locations: FeedListLocations
    private let retention: RetentionPolicy?

    public init(refresher: Refresher, locations: FeedListLocations = FeedListLocations(), settings: Settings) {
        self.refresher = refresher
        self.locations = locations
        let policy = RetentionPolicy(maxArticlesPerFeed: settings.retentionPerFeed > 0 ? settings.retentionPerFeed : nil,
                                     maxAgeDays: settings.retentionDays > 0 ? settings.retentionDays : nil)
        retention = policy.keepsEverything ? nil : policy
    }

    public func refresh(_ feeds: [FeedID]?, progress: @escaping @Sendable (ReloadProgress) -> Void) -> ReloadProgress {
        let refresher = self.refresher, locations = self.locations
        let urls = feeds.map { ids in ids.compactMap { try? refresher.store.feed($0)?.url } }
        let outcome = ReloadOutcome()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            let report: @Sendable (RefreshProgress) -> Void = { step in
                progress(ReloadProgress(done: step.done, total: step.total, failed: step.failures))
            }
            let summary: RefreshSummary
            if let urls {
                summary = await refresher.refresh(urls, progress: report)
            } else {
                // A bad feeds-list line is already reported by `config check`-style tools; the reload goes on.
                summary = (try? await refresher.reload(locations, progress: report)) ?? RefreshSummary(reports: [], duration: 0)
            }
            outcome.set(ReloadProgress(done: summary.reports.count, total: summary.reports.count,
                                       failed: summary.failures.count))
            finished.signal()
        }
        finished.wait()
        if let retention { _ = try? refresher.store.applyRetention(retention, now: Date()) }
        return outcome.value
    }
}

private final class ReloadOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = ReloadProgress(done: 0, total: 0)
    func set(_ value: ReloadProgress) { lock.withLock { stored = value } }
    var value: ReloadProgress { lock.withLock { stored } }
}
