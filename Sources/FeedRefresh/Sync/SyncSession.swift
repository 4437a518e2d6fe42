import FeedFetching
import FeedList
import FeedModel
import FeedStorage
import Foundation
import Localization
import TextSafety

// Offline-first sync with a Tiny Tiny RSS server: `qnread sync`, and `qnread reload` (the reader's R, r and
// timed reload too) when config.toml has `[sync]`. Push first, then pull:
//   1. subscribe and unsubscribe requests queued while offline;
//   2. the outbox of marks, in batches, each batch's rows deleted once the server answered OK;
//   3. the server's subscriptions with each feed's unread count, the feeds list's server layer (categories become
//      tags; their names are read again when a feed is in a category not seen before, or after an hour);
//   4. new articles by `since_id`, 200 a page, a few pages in flight, each stored in one transaction with the
//      cursor after it, in order;
//   5. marks made elsewhere: unread counts against the store's, and only for feeds that differ, the ids of their
//      unread articles; the ids of every starred article (one short list); never any content again.
// Steps 3 and 4's first page and the starred list are asked for at once: a sync with nothing new is those three
// requests (and a login when the kept session has expired), whatever the store holds.
// The store's rules (outbox, conflicts) are written down in FeedStore+Sync.swift. Any failure ends the sync with
// one SyncError; what was finished stays, the rest waits for the next sync. Never prints.

public final class SyncSession: Sendable {
    public let account: SyncAccount
    private let store: FeedStore
    private let client: TTRSSClient
    private let locations: FeedListLocations
    private let systemConfig: SystemConfig
    private let clock: @Sendable () -> Date
    /// The language a failure is stored in: the fetch settings', as fetch failures are.
    private let words: Catalogue

    /// `password` is asked for only when the server needs a login (password_command then runs).
    public init(account: SyncAccount, password: @escaping @Sendable () throws -> String, store: FeedStore,
                settings: FetchSettings = FetchSettings(),
                locations: FeedListLocations = FeedListLocations(), systemConfig: SystemConfig = SystemConfig(),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.account = account
        self.store = store
        // Pages of articles are asked for a few at a time: a slow server works on the next while one is stored.
        var settings = settings
        settings.maxPerHost = max(settings.maxPerHost, Self.pagesInFlight)
        settings.maxConcurrent = max(settings.maxConcurrent, Self.pagesInFlight)
        client = TTRSSClient(apiURL: account.apiURL, user: account.user, password: password, fetcher: FeedFetcher(settings: settings))
        self.locations = locations
        self.systemConfig = systemConfig
        self.clock = clock
        words = settings.catalogue
    }

    /// The steps of a sync, for a progress bar.
    public static let stepCount = 5

    static let pagesInFlight = 4

    /// How long the server's category names are trusted while no feed is in a category they lack.
    static let categoriesTrusted: TimeInterval = 3600

    /// Pushes, then pulls. `progress` hears each finished step (1…`stepCount`). The killfile applies to the
    /// articles stored, in the store, as to fetched ones (ArticleWriter). The outcome is recorded in the store
    /// for the reader's status line. `dropWaiting`: marks still waiting for another account are dropped rather
    /// than stopping the sync.
    public func run(dropWaiting: Bool = false,
                    progress: @Sendable (Int) -> Void = { _ in }) async throws(SyncError) -> SyncReport {
        let started = clock()
        let lock = try SyncLock(beside: store.path)
        await client.resume(lock.keptSession(for: accountKey))
        var report = SyncReport()
        do {
            try claim(dropWaiting: dropWaiting)
            report.subscriptionChangesSent = try await sendSubscriptionChanges()
            progress(1)
            report.marksSent = try await sendMarks()
            progress(2)
            // The feeds, the first page of new articles and the starred list are asked for at once.
            try await client.ensureSession()
            let client = client
            let starred = Task { () -> Result<Set<Int64>, SyncError> in
                do throws(SyncError) { return .success(try await client.starredIDs()) } catch { return .failure(error) }
            }
            let cursor = try local { try store.pullCursor() }
            // A store that never pulled is about to take everything: no need to see the first page first.
            let firstPages = (0..<(cursor == PullCursor() ? Self.pagesInFlight : 1)).map { askPage(cursor, $0) }
            defer { starred.cancel(); for page in firstPages { page.cancel() } }
            let subscriptions = try await pullSubscriptions()
            (report.feedsAdded, report.feedsRemoved) = (subscriptions.added, subscriptions.removed)
            progress(3)
            try await pullArticles(from: cursor, first: firstPages, into: &report)
            if cursor.skip > 0 {
                // A pull resumed half-way: articles that arrived since it began sort before where it resumed
                // (newest first), and are above its new `since_id`; one more pass takes them now.
                let next = try local { try store.pullCursor() }
                try await pullArticles(from: next, first: [askPage(next, 0)], into: &report)
            }
            progress(4)
            report.marksReceived += try await reconcileUnread(server: subscriptions.unread)
            let starredOnServer = try await starred.value.get()
            report.marksReceived += try local { try store.reconcileStarred(starredOnServer) }
            progress(5)
            report.marksWaiting = try local { try store.syncStatus().waitingMarks }
        } catch {
            lock.keep(session: await client.sessionID, for: accountKey)
            try? store.recordSyncAttempt(error: words.text(of: error), at: clock())
            throw error
        }
        lock.keep(session: await client.sessionID, for: accountKey)
        try? store.recordSyncAttempt(error: nil, at: clock())
        report.requests = await client.requestCount
        report.seconds = clock().timeIntervalSince(started)
        return report
    }

    /// Which server and user the store's sync tables belong to, as the refusal below names them.
    private var accountKey: String { "\(account.user) at \(URLText.printable(account.url))" }

    private func claim(dropWaiting: Bool) throws(SyncError) {
        let claim = try local { try store.claimSync(for: accountKey, dropWaiting: dropWaiting) }
        if case .refused(let previous, let waiting) = claim {
            // Never 0 marks: French and English agree on the singular from 1 on.
            throw waiting == 1
                ? SyncError(.local, N_("%s mark waits for %s, not %s: sync once more with that account, or drop it with `qnread sync --drop-waiting`"),
                            String(waiting), previous, accountKey)
                : SyncError(.local, N_("%s marks wait for %s, not %s: sync once more with that account, or drop them with `qnread sync --drop-waiting`"),
                            String(waiting), previous, accountKey)
        }
    }

    private func local<T>(_ body: () throws -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw SyncError(.local, error: error)
        }
    }

    /// `qnread sync --subscribe-local`: queues a subscribe for each of these feeds (the local lists' web feeds)
    /// that the server lacks; `run` then sends them. Returns how many were queued.
    public func queueLocalFeeds(_ urls: [String]) async throws(SyncError) -> Int {
        let lock = try SyncLock(beside: store.path)
        await client.resume(lock.keptSession(for: accountKey))
        defer { withExtendedLifetime(lock) {} }
        let subscribed = Set(try await client.subscriptions().feeds.map(\.url))
        let missing = urls.filter { url in
            let lowered = url.lowercased()
            return (lowered.hasPrefix("http://") || lowered.hasPrefix("https://")) && !subscribed.contains(url)
        }
        for url in missing { try local { try store.queueSubscriptionChange(url: url, subscribe: true) } }
        return missing.count
    }

    /// `feeds add` and `feeds remove`: the queued subscription changes sent, and the server's list read back, at once.
    public func sendSubscriptionChangesNow() async throws(SyncError) -> Int {
        let lock = try SyncLock(beside: store.path)
        await client.resume(lock.keptSession(for: accountKey))
        try claim(dropWaiting: false)
        let sent = try await sendSubscriptionChanges()
        try await pullSubscriptions()
        lock.keep(session: await client.sessionID, for: accountKey)
        return sent
    }

    // MARK: Pushing

    private func sendSubscriptionChanges() async throws(SyncError) -> Int {
        var sent = 0
        for change in try local({ try store.subscriptionChanges() }) {
            if change.subscribe {
                do {
                    try await client.subscribe(change.url)
                } catch where error.kind == .server {
                    // The server will never take it: dropped, or it would stop every sync after it.
                    try local { try store.removeSubscriptionChange(change.id) }
                    throw error
                }
            } else if let id = try await serverFeedID(of: change.url) {
                try await client.unsubscribe(serverFeedID: id)
            }
            try local { try store.removeSubscriptionChange(change.id) }
            sent += 1
        }
        return sent
    }

    private func serverFeedID(of url: String) async throws(SyncError) -> Int64? {
        if let id = try local({ try store.serverFeedID(url: url) }) { return id }
        return try await client.subscriptions().feeds.first { $0.url == url }?.serverID
    }

    /// The outbox in batches of one field and value, at most a page of ids each. Rows are deleted by id once the
    /// server acknowledged them; marks made meanwhile are sent by the next round.
    private func sendMarks() async throws(SyncError) -> Int {
        var sent = 0
        while true {
            let waiting = try local { try store.outbox(limit: 2000) }
            guard !waiting.isEmpty else { return sent }
            let groups = Dictionary(grouping: waiting) { "\($0.field.rawValue) \($0.value)" }
            for key in groups.keys.sorted() {
                let marks = groups[key]!
                for start in stride(from: 0, to: marks.count, by: TTRSSClient.pageSize) {
                    let batch = Array(marks[start..<min(start + TTRSSClient.pageSize, marks.count)])
                    try await client.setMark(batch[0].field, to: batch[0].value, articles: batch.map(\.serverID))
                    try local { try store.removeFromOutbox(batch.map(\.id)) }
                    sent += batch.count
                }
            }
        }
    }

    // MARK: Pulling

    /// The server's subscriptions into the store and the server layer's cached copy, then the store's feed list
    /// from the layers. Returns the subscriptions that appeared and went.
    @discardableResult
    private func pullSubscriptions() async throws(SyncError) -> (added: Int, removed: Int, unread: [Int64: Int]) {
        let cached = try local { try store.serverCategories() }
        let trusted = cached.readAt.map { clock().timeIntervalSince($0) < Self.categoriesTrusted } ?? false
        let (subscriptions, categoriesRead) = try await client.subscriptions(knownCategories: trusted ? cached.names : nil)
        if let categoriesRead { try local { try store.setServerCategories(categoriesRead, now: clock()) } }
        let changes = try local {
            try store.linkServerFeeds(subscriptions.map { ServerFeedLink(serverID: $0.serverID, url: $0.url, title: $0.title) },
                                      now: clock())
        }
        let entries = subscriptions.map { FeedListEntry(url: $0.url, tags: $0.category.map { [$0] } ?? [], title: $0.title.map(SafeText.line)) }
        let copy = FeedListFile(serverCopyOf: entries, from: URLText.printable(account.url), name: locations.serverCache.path)
        if (try? FeedListFile.load(locations.serverCache))??.text != copy.text {
            try local { try copy.save(to: locations.serverCache) }
        }
        let layers = FeedListLayers.load(locations, systemConfig: systemConfig, syncsWithServer: true)
        try local {
            try store.syncSubscriptions(layers.feeds.map {
                Subscription(url: $0.url, tags: $0.tags, customTitle: $0.title, isHidden: $0.isHidden)
            })
        }
        return (changes.added, changes.removed, Dictionary(subscriptions.map { ($0.serverID, $0.unread) }) { first, _ in first })
    }

    private typealias Page = Result<([ServerArticle], Int), SyncError>

    /// Asks for page `index` after `cursor`, now.
    private func askPage(_ cursor: PullCursor, _ index: Int) -> Task<Page, Never> {
        let client = client
        return Task {
            do throws(SyncError) {
                return .success(try await client.newArticles(sinceID: cursor.sinceID, skip: cursor.skip + index * TTRSSClient.pageSize))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Pages in order from the stored cursor: `first` already asked for (the first page alone, usually the only one
    /// and short; or, for an empty store, `pagesInFlight` pages), then `pagesInFlight` at once while pages are full; each stored before the next, so a sync stopped anywhere resumes at
    /// the first page not stored. Tiny Tiny RSS lists newest first (by the time it stored each article, so by id),
    /// so articles arriving meanwhile only push the pages down (one is then seen twice, and stored once) and have
    /// ids above the highest seen, which the next pass starts from.
    private func pullArticles(from cursor: PullCursor, first: [Task<Page, Never>], into report: inout SyncReport)
        async throws(SyncError) {
        var pending = first
        var next = first.count
        defer { for task in pending { task.cancel() } }
        var subscriptionsRefreshed = false
        // Only this sync, which holds the lock, changes the linked feeds: read once, and again after a re-read.
        var known = try local { try store.linkedServerFeeds().ids }
        while !pending.isEmpty {
            let (page, count) = try await pending.removeFirst().value.get()
            if !subscriptionsRefreshed, page.contains(where: { !known.contains($0.serverFeedID) }) {
                // A feed subscribed on the server after its list was read: read it again, once.
                try await pullSubscriptions()
                subscriptionsRefreshed = true
                known = try local { try store.linkedServerFeeds().ids }
            }
            let isLast = count < TTRSSClient.pageSize
            let result = try local { try store.storeServerPage(page, listed: count, isLast: isLast, now: clock()) }
            report.newArticles += result.newArticles.count
            report.marksReceived += result.marksReceived
            if isLast { return }
            while pending.count < Self.pagesInFlight {
                pending.append(askPage(cursor, next))
                next += 1
            }
        }
    }

    /// Read marks made elsewhere: only feeds whose unread count differs from the store's are listed.
    private func reconcileUnread(server: [Int64: Int]) async throws(SyncError) -> Int {
        let stored = try local { try store.serverUnreadCounts() }
        var changed = 0
        for (feed, count) in stored.sorted(by: { $0.key < $1.key }) where server[feed] != count {
            let unread = try await client.articleIDs(feed: feed, view: "unread")
            changed += try local { try store.reconcileServerFeed(feed, unread: unread) }
        }
        return changed
    }
}
