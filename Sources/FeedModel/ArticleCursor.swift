import Foundation

/// Where the next page of a newest-first list starts: just after (older than) this row. The store pages
/// with it and the reader's screens keep it, so both speak of the same position.
public struct ArticleCursor: Hashable, Sendable {
    public var date: Date
    public var id: ArticleID

    public init(date: Date, id: ArticleID) {
        self.date = date
        self.id = id
    }

    public init(after last: ArticleSummary) { self.init(date: last.date, id: last.id) }
}
