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
        let locations = FeedListLocations(environment: ToolEnvironment.variables)
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
            return subscribe ? tr("subscribed %s on %s", shown, server) : tr("unsubscribed %s on %s", shown, server)
        case .failure(let error) where error.kind == .unreachable || error.kind == .local:
            let reason = error.text(in: ToolLanguage.catalogue)
            return subscribe ? tr("queued: subscribe to %s at the next sync (%s)", shown, reason)
                : tr("queued: unsubscribe from %s at the next sync (%s)", shown, reason)
        case .failure(let error):
            throw CommandFailure(error.text(in: ToolLanguage.catalogue))
        }
    }

    /// `sync: 12 new articles, 3 marks sent, 2 received, feeds +1 −0 (0.4 s, 7 requests)`; for the reader's status
    /// line, `Synced: …` without the timing.
    static func summary(_ report: SyncReport, forReader: Bool = false) -> String {
        var text = (forReader ? tr("Synced: ") : tr("sync: ")) + trn("%d new article", "%d new articles", report.newArticles) + ", "
            + trn("%d mark sent", "%d marks sent", report.marksSent) + ", " + trn("%d received", "%d received", report.marksReceived)
            + ", " + tr("feeds +%d −%d", report.feedsAdded, report.feedsRemoved)
        if report.subscriptionChangesSent > 0 {
            text += ", " + trn("%d subscription changes sent", "%d subscription changes sent", report.subscriptionChangesSent)
        }
        if report.marksWaiting > 0 { text += ", " + trn("%d marks still waiting", "%d marks still waiting", report.marksWaiting) }
        return forReader ? text
            : text + " (" + ReloadOutput.seconds(report.seconds, decimals: 1) + " s, "
                + trn("%d requests", "%d requests", report.requests) + ")"
    }

    /// The line a failed sync ends with: the reason and what waits for the next one.
    static func failure(_ error: SyncError, store: FeedStore, forReader: Bool = false) -> String {
        let status = try? store.syncStatus()
        let reason = error.text(in: ToolLanguage.catalogue)
        if forReader { return status?.failureLine(reason, ToolLanguage.catalogue) ?? tr("Sync failed: %s", reason) }
        return tr("sync failed: %s", reason) + (status?.waitingSuffix(ToolLanguage.catalogue) ?? "")
    }
}
