/// Background reload progress, as the refresher reports it.
public struct ReloadProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int

    public init(done: Int, total: Int, failed: Int = 0) {
        self.done = done
        self.total = total
        self.failed = failed
    }
}
