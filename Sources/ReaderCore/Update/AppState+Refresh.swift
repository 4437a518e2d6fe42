import FeedModel
import ScreenKit

// The live reader: another process wrote the store, so every open list is read again from its top, as many rows
// as it holds, and keeps its selected article. Nothing else moves: the pager, the scroll, what is typed.

extension AppState {
    /// One load per open list; answers to loads already under way are dropped (their request ids are replaced).
    mutating func refreshLists() -> [Effect] {
        var effects: [Effect] = []
        for index in stack.indices {
            guard case .articles(var list) = stack[index] else { continue }
            list.refresh = ArticleListState.Refresh(selected: list.pendingSelection ?? list.selected?.id)
            list.pendingSelection = nil
            list.isLoading = true
            list.requestID = makeRequestID()
            stack[index] = .articles(list)
            let limit = max(settings.pageSize, list.items.count)
            if case .search(let query, let feed) = list.source {
                effects.append(.search(requestID: list.requestID, query: query, feed: feed, limit: limit))
            } else {
                effects.append(.loadArticles(requestID: list.requestID, ArticleQuery(
                    source: list.source, unreadOnly: !settings.showRead, after: nil, limit: limit)))
            }
        }
        return effects
    }

    /// Selects the row `key` names in the feed list, if it is still there.
    mutating func selectFeedRow(_ key: FeedRow.Key) {
        let rows = feedRows
        guard let row = rows.firstIndex(where: { $0.key == key }) else { return }
        feedList.select(row, count: rows.count, height: contentHeight)
    }
}

extension FeedRow {
    /// A row's identity across loads, whatever its counts: the merged rows, or the feed.
    enum Key: Hashable {
        case all, starred, enclosures
        case feed(FeedID)
    }

    var key: Key {
        switch self {
        case .all: return .all
        case .starred: return .starred
        case .enclosures: return .enclosures
        case .feed(let feed): return .feed(feed.id)
        }
    }
}

extension ArticleListState {
    /// After a refresh's rows arrived: the article selected before, where it is now; gone, the same row.
    mutating func reselectAfterRefresh(height: Int) {
        guard let refresh else { return }
        self.refresh = nil
        if let id = refresh.selected, let row = items.firstIndex(where: { $0.id == id }) {
            list.select(row, count: items.count, height: height)
        } else {
            list.scrollToSelection(count: items.count, height: height)
        }
    }
}
