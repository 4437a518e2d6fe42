import FeedFetching
import FeedList
import FeedRefresh
import FeedStorage
import Foundation
import ReaderConfig
import ReaderRuntime
import TextSafety

/// What `sync`, `reload` and `feeds add`/`remove` share when config.toml has `[sync]`: the session with its
/// password, and the summary line.
enum ServerSync {
    /// The session for the account. Its password is had only if the server asks for a login: password_command
    /// runs then, with no shell. A password that cannot be had fails the sync, recorded for the reader's status line.
    static func session(_ account: SyncAccount, store: FeedStore, settings: FetchSettings) -> SyncSession {
        let password: @Sendable () throws -> String
        switch account.password {
        case .inline(let text):
            password = { text }
        case .command(let argv):
            password = { try SecretCommand.firstLine(of: argv) }
        }
        let locations = FeedListLocations()
        return SyncSession(account: account, password: password, store: store, settings: settings, locations: locations,
                           systemConfig: SystemConfig.load(locations.systemConfig))
    }

    /// `feeds add` and `feeds remove` with a sync server: the change is queued, then sent at once when the server
    /// answers; offline, it waits for the next sync. Returns the line to print; a server's refusal is thrown.
    static func changeSubscription(_ url: String, subscribe: Bool, account: SyncAccount, store: FeedStore,
                                   settings: FetchSettings) throws -> String {
        try store.queueSubscriptionChange(url: url, subscribe: subscribe)
        let shown = URLText.printable(url), server = URLText.printable(account.url)
        let outcome: Result<Int, SyncError> = runBlocking {
            do throws(SyncError) {
                return .success(try await session(account, store: store, settings: settings).sendSubscriptionChangesNow())
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success:
            return subscribe ? "subscribed \(shown) on \(server)" : "unsubscribed \(shown) on \(server)"
        case .failure(let error) where error.kind == .unreachable || error.kind == .local:
            return "queued: \(subscribe ? "subscribe to" : "unsubscribe from") \(shown) at the next sync (\(error.message))"
        case .failure(let error):
            throw CommandFailure(error.message)
        }
    }

    /// `sync: 12 new articles, 3 marks sent, 2 received, feeds +1 −0 (0.4 s, 7 requests)`; for the reader's status
    /// line, `Synced: …` without the timing.
    static func summary(_ report: SyncReport, forReader: Bool = false) -> String {
        var text = (forReader ? "Synced: " : "sync: ") + "\(report.newArticles) new article\(report.newArticles == 1 ? "" : "s"), "
            + "\(report.marksSent) mark\(report.marksSent == 1 ? "" : "s") sent, \(report.marksReceived) received, "
            + "feeds +\(report.feedsAdded) −\(report.feedsRemoved)"
        if report.subscriptionChangesSent > 0 { text += ", \(report.subscriptionChangesSent) subscription changes sent" }
        if report.marksWaiting > 0 { text += ", \(report.marksWaiting) marks still waiting" }
        return forReader ? text : text + String(format: " (%.1f s, %d requests)", report.seconds, report.requests)
    }

    /// The line a failed sync ends with: the reason and what waits for the next one.
    static func failure(_ error: SyncError, store: FeedStore, forReader: Bool = false) -> String {
        let status = try? store.syncStatus()
        if forReader { return status?.failureLine(error.message) ?? "Sync failed: " + error.message }
        return "sync failed: " + error.message + (status?.waitingSuffix ?? "")
    }
}
