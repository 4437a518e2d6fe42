import FeedModel
import GRDB

/// A change the reader makes to articles' status.
public enum StatusChange: Hashable, Sendable {
    case read, unread, starred, unstarred
}

/// Which articles a status change applies to.
public enum StatusTarget: Hashable, Sendable {
    case articles([ArticleID])
    case feed(FeedID)
    case everything
}

extension FeedStore {
    /// Marks articles read, unread, starred or unstarred; returns how many actually changed. Each change to an
    /// article the sync server has also goes to the outbox, in the same transaction (FeedStore+Sync.swift).
    @discardableResult
    public func mark(_ target: StatusTarget, _ change: StatusChange) throws -> Int {
        let (column, field, value) = switch change {
        case .read: ("is_read", "read", 1)
        case .unread: ("is_read", "read", 0)
        case .starred: ("is_starred", "starred", 1)
        case .unstarred: ("is_starred", "starred", 0)
        }
        let update = "UPDATE status AS s SET \(column) = \(value) WHERE \(column) <> \(value)"
        // The rows `update` is about to change, for the articles the server has: the same conditions, on the same alias.
        let queue = """
            INSERT OR REPLACE INTO sync_outbox(server_id, field, value)
            SELECT sync_article.server_id, '\(field)', \(value) FROM status AS s
            JOIN sync_article ON sync_article.article_id = s.article_id WHERE s.\(column) <> \(value)
            """
        return try write { db in
            switch target {
            case let .articles(ids):
                var changed = 0
                let queueOne = try db.cachedStatement(sql: queue + " AND s.article_id = ?")
                let statement = try db.cachedStatement(sql: update + " AND article_id = ?")
                for id in Set(ids) {
                    try queueOne.execute(arguments: [id.rawValue])
                    try statement.execute(arguments: [id.rawValue])
                    changed += db.changesCount
                }
                return changed
            case let .feed(id):
                // A query feed's articles are those its list shows.
                if let selection = try querySelection(db, feed: id) {
                    let selected = selection.shown.byArticleID
                    try db.execute(sql: queue + " AND " + selected.clauses.joined(), arguments: selected.arguments)
                    try db.execute(sql: update + " AND " + selected.clauses.joined(), arguments: selected.arguments)
                } else {
                    try db.execute(sql: queue + " AND s.feed_id = ?", arguments: [id.rawValue])
                    try db.execute(sql: update + " AND feed_id = ?", arguments: [id.rawValue])
                }
                return db.changesCount
            case .everything:
                try db.execute(sql: queue)
                try db.execute(sql: update)
                return db.changesCount
            }
        }
    }

    /// The status of each of these articles that is stored.
    public func statuses(_ ids: [ArticleID]) throws -> [ArticleID: ArticleStatus] {
        try read { db in
            var statuses: [ArticleID: ArticleStatus] = [:]
            let statement = try db.cachedStatement(sql: "SELECT is_read, is_starred, arrived FROM status WHERE article_id = ?")
            for id in ids {
                if let row = try Row.fetchOne(statement, arguments: [id.rawValue]) {
                    statuses[id] = ArticleStatus(isRead: row[0], isStarred: row[1],
                                                 arrived: StoredValues.date(row[2]) ?? .distantPast)
                }
            }
            return statuses
        }
    }
}
