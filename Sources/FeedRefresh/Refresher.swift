// Reload orchestration behind `qnread reload`, which the reader also runs for its background reloads: fetch → parse → store for
// each feed, with bounded concurrency, a progress callback after each feed, and every failure recorded on the
// feed in the store (its articles untouched). It never prints and never touches the terminal.
//
// For `qnread-tool reload` (from any thread; the callbacks arrive one at a time, off the main thread):
//     let refresher = Refresher(store: store, settings: FetchSettings(maxConcurrent: 8))
//     let locations = FeedListLocations()
//     let config = SystemConfig.load(locations.systemConfig)   // ReaderConfig's: no TOML in the refresher
//     let summary = try await refresher.reload(locations, systemConfig: config, warn: { inbox.post(.warning($0)) },
//                                              progress: { inbox.post(.reloadProgress($0)) })
//     // or one feed: try await refresher.reload(locations, systemConfig: config, only: [feedURL], progress: …)

import FeedFetching
import FeedList
import FeedModel
import FeedParsing
import FeedStorage
import Foundation

public final class Refresher: Sendable {
    public let store: FeedStore
    /// The limits every fetch of this refresher runs under.
    public let fetchSettings: FetchSettings
    private let fetcher: FeedFetcher
    private let cpu: ConcurrencyLimit
    /// Bookkeeping (look-ups, fetch outcomes) runs here, off the concurrency pool: SQLite calls block, and on two
    /// cores blocked pool threads would hold back the next fetch that a freed host slot could start.
    private let bookkeeping = DispatchQueue(label: "qnread.refresher.bookkeeping")
    /// Feeds' transactions, one after the other (SQLite has one writer), off the pool for the same reason.
    private let writes = DispatchQueue(label: "qnread.refresher.writes")
    /// Outcomes of fetches that store no articles (304, failures, bodies that are no feed), written in batches
    /// on `bookkeeping`.
    private let records: BatchedWrites<FetchRecord, Void>
    /// Parsed feeds with their fetch outcomes, written in batches on `writes`.
    private let ingests: BatchedWrites<FeedIngest, IngestResult>
    private let clock: @Sendable () -> Date

    /// `settings` bound the network side; parsing and storing run on at most one task per core. Feeds embedded in
    /// the binary (the demo) are served from memory.
    public init(store: FeedStore, settings: FetchSettings = FetchSettings(), embedded: [String: Data] = DemoFeed.embedded,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.fetchSettings = settings
        self.fetcher = FeedFetcher(settings: settings, embedded: embedded)
        self.cpu = ConcurrencyLimit(ProcessInfo.processInfo.activeProcessorCount)
        self.records = BatchedWrites(queue: bookkeeping) { [store] records in
            try store.recordFetches(records).map { error in error.map { .failure($0) } ?? .success(()) }
        }
        self.ingests = BatchedWrites(queue: writes) { [store] ingests in try store.apply(ingests) }
        self.clock = clock
    }

    /// Makes the store's feeds match the feeds list (order, tags, custom titles); returns their ids in order.
    @discardableResult
    public func syncSubscriptions(_ feeds: [SubscribedFeed]) throws -> [FeedID] {
        try store.syncSubscriptions(feeds.map { Subscription(url: $0.url, tags: $0.tags, customTitle: $0.title, isHidden: $0.isHidden) })
    }

    /// Refreshes the feeds at `urls` (creating store rows for unknown ones). `onPermanentMove(old, new)` is asked
    /// before the store follows a 301/308; it returns false when the feeds list could not be updated, and the
    /// store then keeps the old URL. `progress` is called once per feed, never concurrently.
    public func refresh(_ urls: [String],
                        onPermanentMove: @escaping @Sendable (String, String) -> Bool = { _, _ in true },
                        progress: @escaping @Sendable (RefreshProgress) -> Void = { _ in }) async -> RefreshSummary {
        let started = clock()
        // Enough tasks in flight to keep every host's fetch slots busy, few enough to bound memory.
        let window = max(fetcher.settings.maxConcurrent * 4, 16)
        var reports = [FeedRefreshReport?](repeating: nil, count: urls.count)
        // One read for the feeds already stored instead of one per feed; new ones are created as they come.
        let stored = (try? await onBookkeepingQueue { [store] in try store.feedsAndValidators(urls: urls) }) ?? [:]
        await withTaskGroup(of: (Int, FeedRefreshReport).self) { group in
            var next = 0
            func startNext() {
                guard next < urls.count else { return }
                let index = next, url = urls[index]
                next += 1
                let known = stored[url]
                group.addTask { (index, await self.refreshOne(url, known: known, onPermanentMove: onPermanentMove)) }
            }
            for _ in 0..<min(window, urls.count) { startNext() }
            var done = 0, newArticles = 0, failures = 0
            for await (index, report) in group {
                reports[index] = report
                done += 1
                newArticles += report.newArticles
                if report.isFailure { failures += 1 }
                progress(RefreshProgress(total: urls.count, done: done, newArticles: newArticles, failures: failures, last: report))
                startNext()
            }
        }
        return RefreshSummary(reports: reports.compactMap { $0 }, duration: clock().timeIntervalSince(started))
    }

    private func refreshOne(_ url: String, known: (feed: Feed, validators: FeedValidators)?,
                            onPermanentMove: @Sendable (String, String) -> Bool) async -> FeedRefreshReport {
        let started = clock()
        func finish(_ report: FeedRefreshReport) -> FeedRefreshReport {
            var report = report
            report.duration = clock().timeIntervalSince(started)
            return report
        }
        let feed: Feed
        let validators: FeedValidators
        do {
            if let known {
                (feed, validators) = known
            } else {
                (feed, validators) = try await onBookkeepingQueue { [store] in
                    let feed = try store.feed(url: url) ?? store.findOrCreateFeed(url: url)
                    return (feed, try store.validators(for: feed.id))
                }
            }
        } catch {
            return finish(FeedRefreshReport(url: url, status: .failed(message: "\(error)")))
        }
        if feed.fetch.isGone {
            return finish(FeedRefreshReport(url: url, feedID: feed.id, status: .gone, httpStatus: 410))
        }
        let request = FetchRequest(url: url, validators: validators)
        let result = await fetcher.fetch(request)
        var report = FeedRefreshReport(url: url, feedID: feed.id, status: .unchanged(reason: ""), httpStatus: result.httpStatus)
        let movedTo = result.movedTo.flatMap { onPermanentMove(url, $0) ? $0 : nil }
        report.movedTo = movedTo
        let now = clock()
        do {
            switch result.outcome {
            case .failed(let failure):
                let outcome = FetchOutcome.failure(httpStatus: failure.httpStatus ?? result.httpStatus, message: failure.message)
                try await records.submit(FetchRecord(outcome, for: feed.id, at: now))
                report.status = .failed(message: failure.message)
            case .notModified(let fresh, let reason):
                let outcome = FetchOutcome.success(httpStatus: result.httpStatus, validators: fresh, permanentRedirect: movedTo)
                try await records.submit(FetchRecord(outcome, for: feed.id, at: now))
                report.status = .unchanged(reason: reason.rawValue)
            case .body(let body):
                let fetched = report
                report = await ingest(body, into: feed.id, report: fetched, movedTo: movedTo)
            }
        } catch {
            report.status = .failed(message: "\(error)")
        }
        return finish(report)
    }

    /// Parse and store one body; a body that is not a feed is a failure recorded on the feed. Parsing and
    /// preparing the articles hold one of the per-core slots; the transaction runs on the writes queue, so a
    /// slot never sits waiting for the write lock while the next feed could be parsed.
    private func ingest(_ body: FetchedBody, into id: FeedID, report: FeedRefreshReport, movedTo: String?) async -> FeedRefreshReport {
        var report = report
        let now = clock()
        let prepared = await cpu.run { () -> Result<PreparedFeed, FeedParseError> in
            do throws(FeedParseError) {
                return .success(FeedStore.prepare(try FeedBodyParsing.parse(body)))
            } catch {
                return .failure(error)
            }
        }
        do {
            switch prepared {
            case .failure(let error):
                let message = error.text(in: fetchSettings.catalogue)
                try await records.submit(FetchRecord(.failure(httpStatus: report.httpStatus, message: message), for: id, at: now))
                report.status = .failed(message: message)
            case .success(let prepared):
                let outcome = FetchOutcome.success(httpStatus: report.httpStatus, validators: body.validators, permanentRedirect: movedTo)
                let result = try await ingests.submit(FeedIngest(prepared, fetch: FetchRecord(outcome, for: id, at: now)))
                let parsed = prepared.parsed
                report.status = .updated(new: result.new, changed: result.updated)
                report.itemCount = parsed.items.count
                report.newestItem = parsed.items.compactMap { $0.published ?? $0.updated }.max()
                report.warnings = parsed.warnings
            }
        } catch {
            report.status = .failed(message: "\(error)")
        }
        return report
    }

    private func onBookkeepingQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await Self.run(body, on: bookkeeping)
    }

    private static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T, on queue: DispatchQueue) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
