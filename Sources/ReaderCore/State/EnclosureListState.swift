import FeedModel
import ScreenKit

/// The Enclosures screen (podcasts): every enclosure, newest first, with its download state, read again from the
/// store as downloads move on.
public struct EnclosureListState: Hashable, Sendable {
    public var items: [EnclosureItem] = []
    public var list = ListState()
    public var isLoading = true
    /// The load this list waits for; answers to older requests are dropped.
    public var requestID: Int

    public init(requestID: Int) { self.requestID = requestID }

    public var selected: EnclosureItem? { items.indices.contains(list.selection) ? items[list.selection] : nil }
}

/// What `d` queues and `P` plays: enclosures by id (the Enclosures screen), or every enclosure of some articles
/// (the pager, an article list).
public enum DownloadTarget: Hashable, Sendable {
    case enclosures([EnclosureItem.ID])
    case articles([ArticleID])
}

/// The reader's background download (a `qnread-tool download` child), as its lines report it.
public struct DownloadProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int
    /// Of the bytes expected, how many came; nil while no size is known.
    public var percent: Int?
    /// Why the run as a whole did not happen (the program is missing…).
    public var problem: String?

    public init(done: Int, total: Int, failed: Int = 0, percent: Int? = nil, problem: String? = nil) {
        self.done = done
        self.total = total
        self.failed = failed
        self.percent = percent
        self.problem = problem
    }
}
