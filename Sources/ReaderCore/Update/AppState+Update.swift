import ArticleText
import FeedModel
import Foundation
import ScreenKit

// `update`: the only place the state changes. Messages in, effects out; no I/O.

extension AppState {
    /// What the runtime does first: load the feed list, and reload when the settings ask for it.
    public mutating func start() -> [Effect] {
        settings.reloadOnStart ? [.loadFeeds, .reload(nil)] : [.loadFeeds]
    }

    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handleKey(key)
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .resize(let newSize):
            resize(to: newSize)
            return []
        case .feedsLoaded(let loaded):
            // The selected row stays on the same feed when others come or go (a feed added elsewhere).
            let selected = selectedFeedRow?.key
            feeds = loaded
            feedsLoaded = true
            if let selected { selectFeedRow(selected) }
            feedList.scrollToSelection(count: feedRows.count, height: contentHeight)
            return []
        case .articlesLoaded(let id, let page, let isLast):
            return receivePage(requestID: id, page: page, isLast: isLast)
        case .searchLoaded(let id, let hits):
            let height = contentHeight
            var refreshed = false
            updateList(requestID: id) { list in
                list.items = hits.map(\.article)
                list.snippets = Dictionary(hits.map { ($0.article.id, $0.snippet) }, uniquingKeysWith: { a, _ in a })
                list.isComplete = true
                list.isLoading = false
                refreshed = list.refresh != nil
                list.reselectAfterRefresh(height: height)
            }
            if !refreshed, case .articles(let list)? = stack.last, list.requestID == id {
                status = StatusMessage(hits.isEmpty ? catalogue.tr("No article matches") : catalogue.trn("%d found", "%d found", hits.count))
            }
            return []
        case .articleLoaded(let id, let article):
            return receiveArticle(requestID: id, article: article)
        case .unreadFound(let id, let summary):
            guard id == unreadRequestID else { return [] }
            unreadRequestID = nil
            guard let summary else {
                status = StatusMessage(catalogue.tr("No more unread articles"))
                return []
            }
            return showArticle(summary)
        case .statusesChanged:
            return [.loadFeeds]
        case .storeChanged:
            // The reader's own reload writes through another process too: its progress lines already reload the
            // counts and its end refreshes the lists, so its writes ask for nothing more.
            return reload == nil ? [.loadFeeds] + refreshLists() + refreshEnclosures() : refreshEnclosures()
        case .reloadProgress(let progress):
            reload = progress
            return [.loadFeeds]
        case .reloadFinished(let progress):
            reload = nil
            if let problem = progress.problem {
                status = StatusMessage(progress.summary ?? catalogue.tr("Reload failed: %s", problem), isError: true)
            } else if let summary = progress.summary {
                status = StatusMessage(summary, isError: false)
            } else {
                var text = catalogue.trn("Reloaded %d feed", "Reloaded %d feeds", progress.done)
                if progress.failed > 0 { text += catalogue.trn(", %d failed", ", %d failed", progress.failed) }
                status = StatusMessage(text, isError: progress.failed > 0)
            }
            var notice: [Effect] = []
            if let text = progress.newArticlesNotice, settings.notifyTerminal || settings.notifyBell {
                notice = [.notifyTerminal(text, notification: settings.notifyTerminal, bell: settings.notifyBell)]
            }
            // A list read from its top shows the new articles at once; one scrolled down keeps its place.
            if case .articles(let list)? = stack.last, list.list.selection == 0, list.kind == .articles {
                stack.removeLast()
                return notice + [.loadFeeds] + openList(list.source, title: list.title)
            }
            return notice + [.loadFeeds]
        case .reloadDue:
            return reload == nil ? startReload(nil) : []
        case .enclosuresLoaded, .enclosureCounts, .downloadsQueued, .downloadProgress, .downloadsFinished:
            return downloadMessage(message)
        case .failed(let text):
            status = StatusMessage(text, isError: true)
            for index in stack.indices {
                if case .articles(var list) = stack[index], list.isLoading {
                    list.isLoading = false
                    stack[index] = .articles(list)
                }
            }
            return []
        case .info(let text):
            status = StatusMessage(text)
            return []
        }
    }

    private mutating func resize(to newSize: Size) {
        size = Size(width: max(0, newSize.width), height: max(0, newSize.height))
        feedList.scrollToSelection(count: feedRows.count, height: contentHeight)
        for index in stack.indices {
            switch stack[index] {
            case .articles(var list):
                list.list.scrollToSelection(count: list.items.count, height: contentHeight)
                stack[index] = .articles(list)
            case .article(var pager):
                layOut(&pager)
                stack[index] = .article(pager)
            case .help(var help):
                help.offset = min(help.offset, PagerWidget.maxOffset(lineCount: helpLines(for: help.about).count,
                                                                     height: contentHeight))
                stack[index] = .help(help)
            case .tags(var list):
                list.scrollToSelection(count: tagRows.count, height: contentHeight)
                stack[index] = .tags(list)
            case .enclosures(var list):
                list.list.scrollToSelection(count: list.items.count, height: contentHeight)
                stack[index] = .enclosures(list)
            }
        }
    }

    private mutating func receivePage(requestID id: Int, page: [ArticleSummary], isLast: Bool) -> [Effect] {
        var found = false
        let height = contentHeight
        updateList(requestID: id) { list in
            found = true
            if list.refresh != nil {
                list.items = page
            } else {
                let known = Set(list.items.map(\.id))
                list.items += page.filter { !known.contains($0.id) }
            }
            list.isComplete = isLast
            list.isLoading = false
            list.reselectAfterRefresh(height: height)
            if let wanted = list.pendingSelection, let row = list.items.firstIndex(where: { $0.id == wanted }) {
                list.list.select(row, count: list.items.count, height: height)
                list.pendingSelection = nil
            } else if isLast {
                list.pendingSelection = nil
            }
            list.list.scrollToSelection(count: list.items.count, height: height)
        }
        return found ? loadMoreIfNeeded() : []
    }

    private mutating func receiveArticle(requestID id: Int, article: Article?) -> [Effect] {
        guard case .article(var pager)? = stack.last, pager.requestID == id else { return [] }
        guard let article else {
            stack.removeLast()
            status = StatusMessage(catalogue.tr("That article is no longer in the store"), isError: true)
            return []
        }
        pager.article = article
        pager.document = ArticleDocument(article: article)
        layOut(&pager)
        var effects: [Effect] = []
        if !article.status.isRead {
            pager.article?.status.isRead = true
            setReadLocally(article.id, true)
            effects.append(.setRead([article.id], true))
        }
        stack[stack.count - 1] = .article(pager)
        return effects
    }

    /// Applies `change` to the list on the stack still waiting for `requestID`.
    mutating func updateList(requestID id: Int, _ change: (inout ArticleListState) -> Void) {
        for index in stack.indices {
            if case .articles(var list) = stack[index], list.requestID == id {
                change(&list)
                stack[index] = .articles(list)
            }
        }
    }

    /// Applies `change` to every loaded copy of an article's row, so lists show a mark at once.
    mutating func updateSummaries(_ id: ArticleID, _ change: (inout ArticleSummary) -> Void) {
        for index in stack.indices {
            switch stack[index] {
            case .articles(var list):
                for row in list.items.indices where list.items[row].id == id { change(&list.items[row]) }
                stack[index] = .articles(list)
            case .article(var pager) where pager.articleID == id:
                if var summary = pager.article?.summary {
                    change(&summary)
                    pager.article?.status.isRead = summary.isRead
                    pager.article?.status.isStarred = summary.isStarred
                }
                stack[index] = .article(pager)
            default:
                continue
            }
        }
    }

    mutating func setReadLocally(_ id: ArticleID, _ isRead: Bool) {
        updateSummaries(id) { $0.isRead = isRead }
    }

    /// Lays the pager's article out for the current width.
    mutating func layOut(_ pager: inout PagerState) {
        guard let article = pager.article, let document = pager.document else { return }
        let width = max(1, size.width)
        let layout = PagerLayout(article: article, document: document, width: width, dateText: dateText)
        pager.lines = layout.lines
        pager.targets = layout.targets
        pager.linksLine = layout.linksLine
        pager.layoutWidth = width
        pager.offset = min(pager.offset, PagerWidget.maxOffset(lineCount: pager.lines.count, height: contentHeight))
    }
}
