import Foundation

/// What one sync did, for `qnread sync` to print (`--json` too) and the reload output.
public struct SyncReport: Hashable, Sendable, Encodable {
    public var newArticles = 0
    /// Marks the server acknowledged.
    public var marksSent = 0
    /// Marks (read or starred) of stored articles that the server changed.
    public var marksReceived = 0
    /// Subscriptions that appeared on, and went from, the server since the last sync.
    public var feedsAdded = 0
    public var feedsRemoved = 0
    /// Queued subscribes and unsubscribes the server did.
    public var subscriptionChangesSent = 0
    /// Marks still waiting (made during the sync).
    public var marksWaiting = 0
    public var requests = 0
    public var seconds: Double = 0

    public init() {}
}
