import FeedModel
import ScreenKit

// What each action does on each screen. Actions that do not apply to the current screen do nothing.

extension AppState {
    mutating func perform(_ action: Action) -> [Effect] {
        let screen = screenKind
        guard ActionTable.entry(for: action).applies(to: screen) else { return [] }
        switch action {
        case .quit:
            isRunning = false
            return [.quit]
        case .back:
            guard !stack.isEmpty else {
                isRunning = false
                return [.quit]
            }
            stack.removeLast()
            return []
        case .help:
            stack.append(.help(HelpState(about: screen)))
            return []
        case .redraw:
            return [.redraw]
        case .macroPrefix:
            guard !keymap.macros.isEmpty else {
                status = StatusMessage(catalogue.tr("No macro: config.toml's [macros] binds them"))
                return []
            }
            awaitsMacroKey = true
            let keys = keymap.macros.keys.map(\.name).sorted().joined(separator: " ")
            status = StatusMessage(catalogue.tr("Macro: %s (Esc cancels)", keys))
            return []
        case .down: return move(.lines(1))
        case .up: return move(.lines(-1))
        case .pageDown: return move(.lines(max(1, contentHeight)))
        case .pageUp: return move(.lines(-max(1, contentHeight)))
        case .halfPageDown: return move(.lines(max(1, contentHeight / 2)))
        case .halfPageUp: return move(.lines(-max(1, contentHeight / 2)))
        case .top: return move(.top)
        case .bottom: return move(.bottom)
        case .open: return openSelected()
        case .nextUnread: return nextUnread(.older)
        case .prevUnread: return nextUnread(.newer)
        case .nextArticle: return nextArticle(1)
        case .prevArticle: return nextArticle(-1)
        case .nextFeed: return nextFeed(1)
        case .prevFeed: return nextFeed(-1)
        case .toggleRead: return toggleRead()
        case .toggleStar: return toggleStar()
        case .markFeedRead: return markFeedRead()
        case .markAllRead:
            prompt = PromptState(kind: .confirmMarkRead(.everything))
            return []
        case .reload: return reloadThis()
        case .reloadAll: return startReload(nil)
        case .openInBrowser: return openInBrowser()
        case .pipeTo: return pipeArticle()
        case .save: return saveArticle()
        case .bookmark: return bookmarkArticle()
        case .yankURL: return yankURL()
        case .download: return queueDownload()
        case .play: return play()
        case .showLinks:
            guard case .article(var pager)? = stack.last else { return [] }
            guard let line = pager.linksLine else {
                status = StatusMessage(catalogue.tr("This article has no links"))
                return []
            }
            pager.offset = min(line, PagerWidget.maxOffset(lineCount: pager.lines.count, height: contentHeight))
            stack[stack.count - 1] = .article(pager)
            return []
        case .openLink:
            prompt = PromptState(kind: .linkNumber)
            return []
        case .search:
            var feed: FeedID?
            if case .articles(let list)? = stack.last { feed = list.source.feedID }
            prompt = PromptState(kind: .search, searchFeed: feed)
            return []
        case .filterTag:
            // newsboat's tag selection dialog: a list of tags with counts, not a cycle through them.
            let rows = tagRows
            guard rows.count > 1 else {
                status = StatusMessage(catalogue.tr("No feed has a tag"))
                return []
            }
            var list = ListState()
            list.select(rows.firstIndex { $0.tag == tagFilter } ?? 0, count: rows.count, height: contentHeight)
            stack.append(.tags(list))
            return []
        case .toggleShowRead:
            settings.showRead.toggle()
            status = StatusMessage(settings.showRead ? catalogue.tr("Showing read items") : catalogue.tr("Hiding read items"))
            if case .articles(let list)? = stack.last {
                stack.removeLast()
                return openList(list.source, title: list.title)
            }
            feedList.scrollToSelection(count: feedRows.count, height: contentHeight)
            return []
        case .showError:
            guard case .feed(let feed)? = selectedFeedRow else { return [] }
            if let error = feed.fetch.lastError {
                status = StatusMessage(catalogue.tr("%s: %s", feed.title, error), isError: true)
            } else if feed.fetch.isGone {
                status = StatusMessage(catalogue.tr("%s: the server says this feed is gone (410)", feed.title), isError: true)
            } else {
                status = StatusMessage(catalogue.tr("%s: last fetch succeeded", feed.title))
            }
            return []
        }
    }

    var selectedFeedRow: FeedRow? {
        let rows = feedRows
        return rows.indices.contains(feedList.selection) ? rows[feedList.selection] : nil
    }

    private mutating func toggleRead() -> [Effect] {
        guard let target = currentArticle else { return [] }
        setReadLocally(target.id, !target.isRead)
        status = StatusMessage(target.isRead ? catalogue.tr("Marked unread") : catalogue.tr("Marked read"))
        return [.setRead([target.id], !target.isRead)]
    }

    private mutating func toggleStar() -> [Effect] {
        guard let target = currentArticle else { return [] }
        updateSummaries(target.id) { $0.isStarred = !target.isStarred }
        status = StatusMessage(target.isStarred ? catalogue.trc("status", "Unstarred") : catalogue.trc("status", "Starred"))
        return [.setStarred(target.id, !target.isStarred)]
    }

    /// The article the reader is on: the pager's, else the selected row.
    var currentArticle: ArticleSummary? {
        switch stack.last {
        case .article(let pager)?: return pager.article?.summary
        case .articles(let list)?: return list.selected
        default: return nil
        }
    }

    /// A asks first, as C does: one key must not lose a feed's unread marks.
    private mutating func markFeedRead() -> [Effect] {
        var source: ArticleSource?
        var title = ""
        switch stack.last {
        case nil:
            switch selectedFeedRow {
            case .feed(let feed)?: (source, title) = (.feed(feed.id), feed.title)
            case .all?: source = tagFilter.map(ArticleSource.tag) ?? .all
            default: source = nil
            }
            if case .tag(let tag)? = source { title = catalogue.tr("All articles #%s", tag) }
        case .articles(let list)?: (source, title) = (list.source, list.title)
        default: source = nil
        }
        let marking: ReadMarking
        switch source {
        case .feed(let id)?:
            marking = .feed(id, title: title)
        case .all?:
            marking = .everything
        case .starred?, .search?, .tag?:
            let ids: [ArticleID]
            if case .articles(let list)? = stack.last {
                ids = list.items.filter { !$0.isRead }.map(\.id)
            } else {
                ids = []
            }
            guard !ids.isEmpty else {
                status = StatusMessage(stack.isEmpty ? catalogue.tr("Open the list to mark what it shows") : catalogue.tr("Nothing unread here"))
                return []
            }
            marking = .articles(ids, title: title)
        case nil:
            return []
        }
        prompt = PromptState(kind: .confirmMarkRead(marking))
        return []
    }

    /// What y to a mark-read question does.
    mutating func markRead(_ marking: ReadMarking) -> [Effect] {
        switch marking {
        case .everything:
            markLoadedRead { _ in true }
            status = StatusMessage(catalogue.tr("Marked every article read"))
            return [.markAllRead]
        case .feed(let id, _):
            markLoadedRead { $0.feedID == id }
            status = StatusMessage(catalogue.tr("Marked the feed read"))
            return [.markFeedRead(id)]
        case .articles(let ids, _):
            markLoadedRead { ids.contains($0.id) }
            status = StatusMessage(catalogue.trn("Marked %d article read", "Marked %d articles read", ids.count))
            return [.setRead(ids, true)]
        }
    }

    mutating func markLoadedRead(where matches: (ArticleSummary) -> Bool) {
        for index in stack.indices {
            guard case .articles(var list) = stack[index] else { continue }
            for row in list.items.indices where matches(list.items[row]) { list.items[row].isRead = true }
            stack[index] = .articles(list)
        }
    }

    private mutating func reloadThis() -> [Effect] {
        switch stack.last {
        case nil:
            // A query feed's articles come from every feed: reloading it reloads them all.
            if case .feed(let feed)? = selectedFeedRow, !feed.isQuery { return startReload([feed.id]) }
            return startReload(nil)
        case .articles(let list)?:
            let isQuery = feeds.first { $0.id == list.source.feedID }?.isQuery ?? false
            return startReload(isQuery ? nil : list.source.feedID.map { [$0] })
        default:
            return []
        }
    }

    mutating func startReload(_ feeds: [FeedID]?) -> [Effect] {
        guard reload == nil else {
            status = StatusMessage(catalogue.tr("Already reloading"))
            return []
        }
        reload = ReloadProgress(done: 0, total: feeds?.count ?? countedFeeds.count)
        return [.reload(feeds)]
    }

    private mutating func openInBrowser() -> [Effect] {
        let link: String?
        switch stack.last {
        case nil:
            // The site, not the feed's XML, which a browser shows as a page of markup or downloads.
            guard case .feed(let feed)? = selectedFeedRow else { return [] }
            guard let site = feed.siteLink, !site.isEmpty else {
                status = StatusMessage(catalogue.tr("%s names no site", feed.title), isError: true)
                return []
            }
            link = site
        default:
            link = currentArticle?.link
        }
        guard let link, !link.isEmpty else {
            status = StatusMessage(catalogue.tr("No link to open"), isError: true)
            return []
        }
        return [.openURL(link)]
    }

    mutating func openLink(_ number: Int) -> [Effect] {
        guard case .article(let pager)? = stack.last, let url = pager.targets[number] else {
            status = StatusMessage(catalogue.tr("No link number %d", number), isError: true)
            return []
        }
        status = StatusMessage(catalogue.tr("Opening link %d", number))
        return [.openURL(url)]
    }
}
