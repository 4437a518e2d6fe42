import FeedModel
import ScreenKit

// Podcasts in the reader: the Enclosures screen, `d` (download, in the background child process the way reloads
// run) and `P` (play with `player`). The store keeps the queue; the runtime queues, runs and plays.

extension AppState {
    mutating func openEnclosures() -> [Effect] {
        let id = makeRequestID()
        stack.append(.enclosures(EnclosureListState(requestID: id)))
        return [.loadEnclosures(requestID: id)]
    }

    /// The Enclosures screen read again (downloads moved on), keeping the selected enclosure.
    mutating func refreshEnclosures() -> [Effect] {
        var effects: [Effect] = []
        for index in stack.indices {
            guard case .enclosures(var list) = stack[index] else { continue }
            list.requestID = makeRequestID()
            stack[index] = .enclosures(list)
            effects.append(.loadEnclosures(requestID: list.requestID))
        }
        return effects
    }

    mutating func receiveEnclosures(requestID id: Int, items: [EnclosureItem]) {
        let height = contentHeight
        for index in stack.indices {
            guard case .enclosures(var list) = stack[index], list.requestID == id else { continue }
            let selected = list.selected?.id
            list.items = items
            list.isLoading = false
            let row = selected.flatMap { id in items.firstIndex { $0.id == id } } ?? list.list.selection
            list.list.select(row, count: items.count, height: height)
            stack[index] = .enclosures(list)
        }
    }

    /// `d`: the selected enclosure, else the article on screen or selected.
    mutating func queueDownload() -> [Effect] {
        guard let target = downloadTarget() else { return [] }
        return [.queueDownloads(target)]
    }

    /// `P`: the selected enclosure's file, else the article's.
    mutating func play() -> [Effect] {
        guard let target = downloadTarget() else { return [] }
        if case .enclosures(let list)? = stack.last, let item = list.selected, item.download?.phase != .done {
            status = StatusMessage(catalogue.tr("Not downloaded yet: d downloads it"), isError: true)
            return []
        }
        return [.play(target, player: settings.player ?? ["xdg-open"])]
    }

    private mutating func downloadTarget() -> DownloadTarget? {
        if case .enclosures(let list)? = stack.last {
            return list.selected.map { .enclosures([$0.id]) }
        }
        if case .article(let pager)? = stack.last, let article = pager.article, article.enclosures.isEmpty {
            status = StatusMessage(catalogue.tr("This article has no enclosure"), isError: true)
            return nil
        }
        return currentArticle.map { .articles([$0.id]) }
    }

    mutating func downloadMessage(_ message: Message) -> [Effect] {
        switch message {
        case .downloadsQueued(let count):
            status = StatusMessage(count == 0 ? catalogue.tr("Already downloaded or queued")
                                              : catalogue.trn("Queued %d download", "Queued %d downloads", count))
            return [.loadFeeds] + refreshEnclosures()
        case .downloadProgress(let progress):
            downloads = progress
            return refreshEnclosures()
        case .downloadsFinished(let progress):
            downloads = nil
            if let problem = progress.problem {
                status = StatusMessage(problem, isError: true)
            } else if progress.total > 0 {
                // A run with nothing to do (d on a done enclosure) leaves "Already downloaded or queued" alone.
                var text = catalogue.tr("Downloads finished: %s", catalogue.trn("%d done", "%d done", progress.done))
                if progress.failed > 0 { text += catalogue.trn(", %d failed", ", %d failed", progress.failed) }
                status = StatusMessage(text, isError: progress.failed > 0)
            }
            return [.loadFeeds] + refreshEnclosures()
        case .enclosuresLoaded(let id, let items):
            receiveEnclosures(requestID: id, items: items)
            return []
        case .enclosureCounts(let total, let new):
            let selected = selectedFeedRow?.key
            enclosureCount = total
            newEnclosureCount = new
            if let selected { selectFeedRow(selected) }
            return []
        default:
            return []
        }
    }
}
