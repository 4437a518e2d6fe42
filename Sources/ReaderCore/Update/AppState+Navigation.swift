import FeedModel
import ScreenKit

// Moving around: lists, the pager and help scroll; lists and articles open; pages load on demand.

enum Motion {
    case lines(Int)
    case top, bottom
}

extension AppState {
    mutating func move(_ motion: Motion) -> [Effect] {
        let height = contentHeight
        switch stack.last {
        case nil:
            let count = feedRows.count
            feedList.select(target(motion, from: feedList.selection, count: count), count: count, height: height)
            return []
        case .articles(var list)?:
            list.list.select(target(motion, from: list.list.selection, count: list.items.count),
                             count: list.items.count, height: height)
            stack[stack.count - 1] = .articles(list)
            return loadMoreIfNeeded()
        case .article(var pager)?:
            let maxOffset = PagerWidget.maxOffset(lineCount: pager.lines.count, height: height)
            pager.offset = min(max(0, target(motion, from: pager.offset, count: maxOffset + 1)), maxOffset)
            stack[stack.count - 1] = .article(pager)
            return []
        case .help(var help)?:
            let maxOffset = PagerWidget.maxOffset(lineCount: helpLines(for: help.about).count, height: height)
            help.offset = min(max(0, target(motion, from: help.offset, count: maxOffset + 1)), maxOffset)
            stack[stack.count - 1] = .help(help)
            return []
        case .tags(var list)?:
            let count = tagRows.count
            list.select(target(motion, from: list.selection, count: count), count: count, height: height)
            stack[stack.count - 1] = .tags(list)
            return []
        case .enclosures(var list)?:
            list.list.select(target(motion, from: list.list.selection, count: list.items.count), count: list.items.count, height: height)
            stack[stack.count - 1] = .enclosures(list)
            return []
        }
    }

    private func target(_ motion: Motion, from current: Int, count: Int) -> Int {
        switch motion {
        case .lines(let delta): return current + delta
        case .top: return 0
        case .bottom: return max(0, count - 1)
        }
    }

    var currentListCount: Int? {
        switch stack.last {
        case nil: return feedRows.count
        case .articles(let list)?: return list.items.count
        case .tags?: return tagRows.count
        case .enclosures(let list)?: return list.items.count
        default: return nil
        }
    }

    var currentListState: ListState? {
        switch stack.last {
        case nil: return feedList
        case .articles(let list)?: return list.list
        case .tags(let list)?: return list
        case .enclosures(let list)?: return list.list
        default: return nil
        }
    }

    mutating func select(_ row: Int) -> [Effect] {
        move(.lines(row - (currentListState?.selection ?? 0)))
    }

    mutating func openSelected() -> [Effect] {
        switch stack.last {
        case nil:
            switch selectedFeedRow {
            case .all?:
                if let tag = tagFilter { return openList(.tag(tag), title: catalogue.tr("All articles #%s", tag)) }
                return openList(.all, title: catalogue.tr("All articles"))
            case .starred?: return openList(.starred, title: "Starred")
            case .enclosures?: return openEnclosures()
            case .feed(let feed)?: return openList(.feed(feed.id), title: feed.title)
            case nil: return []
            }
        case .articles(let list)?:
            guard let summary = list.selected else { return [] }
            return openArticle(summary.id)
        case .tags(let list)?:
            let rows = tagRows
            guard rows.indices.contains(list.selection) else { return [] }
            stack.removeLast()
            tagFilter = rows[list.selection].tag
            feedList.select(0, count: feedRows.count, height: contentHeight)
            status = StatusMessage(tagFilter.map { catalogue.tr("Tag: %s", $0) } ?? catalogue.tr("All tags"))
            return []
        case .enclosures(let list)?:
            guard let item = list.selected else { return [] }
            return openArticle(item.articleID)
        default:
            return []
        }
    }

    mutating func openList(_ source: ArticleSource, title: String) -> [Effect] {
        let id = makeRequestID()
        stack.append(.articles(ArticleListState(source: source, title: title, requestID: id)))
        return [.loadArticles(requestID: id, ArticleQuery(source: source, unreadOnly: !settings.showRead,
                                                          after: nil, limit: settings.pageSize))]
    }

    mutating func openSearch(_ query: String, feed: FeedID?) -> [Effect] {
        let id = makeRequestID()
        let scope = feed.flatMap { id in feeds.first { $0.id == id }?.title }.map { catalogue.tr(" in %s", $0) } ?? ""
        stack.append(.articles(ArticleListState(source: .search(query: query, feed: feed),
                                                title: catalogue.tr("Search “%s”%s", query, scope), requestID: id)))
        return [.search(requestID: id, query: query, feed: feed, limit: settings.pageSize)]
    }

    mutating func openArticle(_ id: ArticleID) -> [Effect] {
        let request = makeRequestID()
        stack.append(.article(PagerState(articleID: id, requestID: request)))
        return [.loadArticle(requestID: request, id)]
    }

    /// Shows `summary` in the pager (replacing the one on top) and selects it in the list behind, if loaded.
    mutating func showArticle(_ summary: ArticleSummary) -> [Effect] {
        if case .article? = stack.last { stack.removeLast() }
        var effects: [Effect] = []
        if case .articles(let list)? = stack.last, case .feed(let id) = list.source, id != summary.feedID {
            // Next unread went past this feed into another: that feed's list goes behind the article, so q
            // comes back to it, and the feed list follows.
            stack.removeLast()
            effects += openFeed(summary.feedID, title: summary.feedTitle, selecting: summary.id)
        }
        if case .articles(var list)? = stack.last, let row = list.items.firstIndex(where: { $0.id == summary.id }) {
            list.list.select(row, count: list.items.count, height: contentHeight)
            stack[stack.count - 1] = .articles(list)
        }
        return effects + openArticle(summary.id) + loadMoreIfNeeded()
    }

    /// Opens a feed's list above the feed list, selecting its row there; `selecting` is selected once loaded.
    private mutating func openFeed(_ id: FeedID, title: String, selecting article: ArticleID? = nil) -> [Effect] {
        selectFeedRow(.feed(id))
        let title = feeds.first { $0.id == id }?.title ?? title
        let effects = openList(.feed(id), title: title)
        if let article, case .articles(var list)? = stack.last {
            list.pendingSelection = article
            stack[stack.count - 1] = .articles(list)
        }
        return effects
    }

    /// J and K: the next row of the list, or in the pager the next article of the list behind it.
    mutating func nextArticle(_ step: Int) -> [Effect] {
        guard case .article(let pager)? = stack.last else { return move(.lines(step)) }
        guard stack.count >= 2, case .articles(let list) = stack[stack.count - 2],
              let here = list.items.firstIndex(where: { $0.id == pager.articleID }) else { return [] }
        guard list.items.indices.contains(here + step) else {
            if step < 0 {
                status = StatusMessage(catalogue.tr("This is the first article"))
            } else {
                status = StatusMessage(list.isComplete ? catalogue.tr("This is the last article") : catalogue.tr("Loading more articles…"))
            }
            return []
        }
        return showArticle(list.items[here + step])
    }

    /// ] and [: the next or previous feed of the feed list (as filtered), from the feed whose list is open.
    mutating func nextFeed(_ step: Int) -> [Effect] {
        let rows = feedRows
        func feedID(_ row: FeedRow) -> FeedID? { if case .feed(let feed) = row { return feed.id } else { return nil } }
        let open = stack.lazy.compactMap { screen -> FeedID? in
            if case .articles(let list) = screen { return list.source.feedID } else { return nil }
        }.last
        let here = open.flatMap { id in rows.firstIndex { feedID($0) == id } } ?? feedList.selection
        let target = step > 0 ? rows.indices.first { $0 > here && feedID(rows[$0]) != nil }
                              : rows.indices.last { $0 < here && feedID(rows[$0]) != nil }
        guard let target, case .feed(let feed) = rows[target] else {
            status = StatusMessage(step > 0 ? catalogue.tr("This is the last feed") : catalogue.tr("This is the first feed"))
            return []
        }
        stack.removeAll()
        return openFeed(feed.id, title: feed.title)
    }

    /// Asks for the next page when the selection comes within a screen of the last loaded row, or while the
    /// article to select has not arrived.
    mutating func loadMoreIfNeeded() -> [Effect] {
        guard let index = stack.lastIndex(where: { if case .articles = $0 { return true } else { return false } }),
              case .articles(var list) = stack[index], !list.isComplete, !list.isLoading,
              case let source = list.source, !isSearch(source),
              list.pendingSelection != nil || list.list.selection + max(1, contentHeight) >= list.items.count
        else { return [] }
        list.isLoading = true
        list.requestID = makeRequestID()
        stack[index] = .articles(list)
        let after = list.items.last.map(ArticleCursor.init(after:))
        return [.loadArticles(requestID: list.requestID, ArticleQuery(source: source, unreadOnly: !settings.showRead,
                                                                      after: after, limit: settings.pageSize))]
    }

    private func isSearch(_ source: ArticleSource) -> Bool {
        if case .search = source { return true }
        return false
    }

    mutating func nextUnread(_ direction: Direction) -> [Effect] {
        switch stack.last {
        case nil:
            let rows = feedRows
            let next = rows.indices.first { index in
                guard index > feedList.selection, case .feed(let feed) = rows[index] else { return false }
                return feed.unreadCount > 0
            }
            guard let next, case .feed(let feed) = rows[next] else {
                status = StatusMessage(catalogue.tr("No more feeds with unread articles"))
                return []
            }
            feedList.select(next, count: rows.count, height: contentHeight)
            return openList(.feed(feed.id), title: feed.title)
        case .articles(var list)?:
            if let row = nearestUnread(in: list.items, from: list.list.selection, direction) {
                list.list.select(row, count: list.items.count, height: contentHeight)
                stack[stack.count - 1] = .articles(list)
                return loadMoreIfNeeded()
            }
            return askStoreForUnread(source: list.source, from: list.items.last, direction, listIsComplete: list.isComplete)
        case .article(let pager)?:
            let list: ArticleListState? = {
                guard stack.count >= 2, case .articles(let list) = stack[stack.count - 2] else { return nil }
                return list
            }()
            let source = list?.source ?? .all
            if let list, let here = list.items.firstIndex(where: { $0.id == pager.articleID }),
               let row = nearestUnread(in: list.items, from: here, direction) {
                return showArticle(list.items[row])
            }
            // Past the loaded rows the store knows more: it also goes on to the next feeds with unread articles.
            let from = direction == .older ? (list?.items.last ?? pager.article?.summary) : pager.article?.summary
            return askStoreForUnread(source: source, from: from, direction, listIsComplete: false)
        case .help?, .tags?, .enclosures?:
            return []
        }
    }

    private func nearestUnread(in items: [ArticleSummary], from index: Int, _ direction: Direction) -> Int? {
        switch direction {
        case .older: return items.indices.first { $0 > index && !items[$0].isRead }
        case .newer: return items.indices.last { $0 < index && !items[$0].isRead }
        }
    }

    /// Loaded rows run from the newest, so only older unread articles can be beyond them.
    private mutating func askStoreForUnread(source: ArticleSource, from: ArticleSummary?, _ direction: Direction,
                                            listIsComplete: Bool) -> [Effect] {
        guard direction == .older, !listIsComplete, !isSearch(source) else {
            status = StatusMessage(catalogue.tr("No more unread articles"))
            return []
        }
        let id = makeRequestID()
        unreadRequestID = id
        return [.findUnread(requestID: id, UnreadQuery(source: source, from: from.map(ArticleCursor.init(after:)),
                                                       direction: direction))]
    }
}
