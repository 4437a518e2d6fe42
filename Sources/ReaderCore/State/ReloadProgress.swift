/// Background reload progress, as the refresher reports it.
public struct ReloadProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int
    /// Why the reload as a whole did not run or stopped early (the store was busy, the program is missing…).
    public var problem: String?
    /// What the reload says of itself at the end, shown instead of the counts (a sync: "Synced: 3 new articles…",
    /// or why it failed and how many marks wait).
    public var summary: String?
    /// "12 new articles in 3 feeds", when the reload brought any: what notify_terminal and notify_bell announce.
    public var newArticlesNotice: String?

    public init(done: Int, total: Int, failed: Int = 0, problem: String? = nil, summary: String? = nil) {
        self.done = done
        self.total = total
        self.failed = failed
        self.problem = problem
        self.summary = summary
    }
}
