import FeedModel
import Foundation
import Localization
import ReaderCore
import ScreenKit

// The main loop: draw the state, wait for input or background messages, feed them to `update`, perform the
// effects it returns. Runs on the calling (main) thread; only reloads run elsewhere, and they talk back
// through the inbox. No app logic here.

public final class ReaderLoop {
    private let terminal: Terminal
    private let library: ReaderLibrary
    private let refresher: FeedRefreshing?
    private let downloader: BackgroundDownloading?
    /// The download thread runs the child again when `d` queued more while it ran.
    private let downloadRun = DownloadRun()
    private let environment: [String: String]
    private let inbox = Inbox()
    private var state: AppState
    private var shown: Canvas?
    private var pending: [Message] = []
    private var nextReload: Date?
    private let now: () -> Date
    /// The store's outside-change count when last asked, and when that was.
    private var storeVersion: Int?
    private var storeCheckedAt = Date.distantPast
    /// How often the store is asked whether another process wrote it: a change shows within this and a tick.
    static let storeCheckInterval: TimeInterval = 0.25

    public init(terminal: Terminal, library: ReaderLibrary, refresher: FeedRefreshing?, downloader: BackgroundDownloading? = nil,
                state: AppState, environment: [String: String] = ProcessInfo.processInfo.environment,
                now: @escaping () -> Date = Date.init) {
        self.terminal = terminal
        self.library = library
        self.refresher = refresher
        self.downloader = downloader
        self.environment = environment
        self.state = state
        self.now = now
    }

    /// Runs until the reader quits; returns the last state (for tests).
    @discardableResult
    public func run() -> AppState {
        state.size = terminal.size
        scheduleReload()
        storeVersion = try? library.outsideChangeCount()
        perform(state.start())
        drainPending()
        while state.isRunning {
            draw()
            let event = terminal.nextEvent(timeoutMilliseconds: 250, wakeDescriptor: inbox.wakeDescriptor)
            switch event {
            case .key(let key)?: handle(.key(key))
            case .mouse(let mouse)?: handle(.mouse(mouse))
            case .resize(let size)?:
                shown = nil
                handle(.resize(size))
            case .wake?, nil: break
            case .hangup?: return state
            }
            for message in inbox.drain() { handle(message) }
            if let due = nextReload, now() >= due {
                scheduleReload()
                handle(.reloadDue)
            }
            checkStore()
        }
        return state
    }

    /// The live reader: when another process (a cron reload) wrote the store, the screen follows without a key.
    private func checkStore() {
        let time = now()
        guard time.timeIntervalSince(storeCheckedAt) >= Self.storeCheckInterval else { return }
        storeCheckedAt = time
        guard let version = try? library.outsideChangeCount() else { return }
        defer { storeVersion = version }
        if let known = storeVersion, known != version { handle(.storeChanged) }
    }

    private func scheduleReload() {
        let minutes = state.settings.reloadEveryMinutes
        nextReload = minutes > 0 ? now().addingTimeInterval(TimeInterval(minutes * 60)) : nil
    }

    private func draw() {
        let canvas = state.render()
        let runs = CanvasDiff.runs(from: shown, to: canvas)
        if !runs.isEmpty || shown?.cursor != canvas.cursor { terminal.draw(runs, cursor: canvas.cursor) }
        shown = canvas
    }

    private func handle(_ message: Message) {
        pending.append(message)
        drainPending()
    }

    /// Messages answering effects are handled in order, each one's effects before the next message.
    private func drainPending() {
        while !pending.isEmpty {
            let message = pending.removeFirst()
            perform(state.update(message))
        }
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            pending += answers(effect)
        }
    }

    private func answers(_ effect: Effect) -> [Message] {
        if case .reload(let feeds) = effect {
            guard let refresher else {
                return [.reloadFinished(ReloadProgress(done: 0, total: 0)), .failed(state.catalogue.tr("Reloading is not available in this build"))]
            }
            startReload(feeds, with: refresher)
            return []
        }
        if case .loadFeeds = effect {
            do {
                let counts = try library.enclosureCounts()
                return [.feedsLoaded(try library.feedSummaries()), .enclosureCounts(total: counts.total, new: counts.new)]
            } catch {
                return [.failed(state.catalogue.text(of: error))]
            }
        }
        return answer(effect).map { [$0] } ?? []
    }

    private func answer(_ effect: Effect) -> Message? {
        do {
            switch effect {
            case .loadArticles(let id, let query):
                let rows = try library.articles(query)
                return .articlesLoaded(requestID: id, rows, isLast: rows.count < query.limit)
            case .search(let id, let query, let feed, let limit):
                return .searchLoaded(requestID: id, try library.search(query, feed: feed, limit: limit))
            case .loadArticle(let id, let article):
                return .articleLoaded(requestID: id, try library.article(article))
            case .findUnread(let id, let query):
                return .unreadFound(requestID: id, try library.unread(query))
            case .setRead(let ids, let isRead):
                try library.setRead(ids, isRead)
                return .statusesChanged
            case .setStarred(let id, let isStarred):
                try library.setStarred(id, isStarred)
                return .statusesChanged
            case .markFeedRead(let feed):
                try library.markRead(feed: feed)
                return .statusesChanged
            case .markAllRead:
                try library.markRead(feed: nil)
                return .statusesChanged
            case .reload, .loadFeeds:
                return nil  // answered by `answers(_:)`
            case .openURL(let url):
                return open(url)
            case .pipeArticle(let id, let command, let width):
                guard let article = try library.article(id) else { return articleGone }
                return handOver(command, input: state.articleText(article, width: width))
                    .map { .failed(state.catalogue.text(of: $0)) } ?? .info(state.catalogue.tr("Piped the article to %s", command[0]))
            case .saveArticle(let id, let directory, let width):
                guard let article = try library.article(id) else { return articleGone }
                let path = try ArticleFile.save(state.articleText(article, width: width), title: article.title,
                                                in: directory)
                return .info(state.catalogue.tr("Saved %s", path))
            case .bookmarkArticle(let id, let command):
                guard let article = try library.article(id) else { return articleGone }
                guard let arguments = ArticleExport.bookmarkArguments(article) else {
                    return .failed(state.catalogue.tr("This article has no link to bookmark"))
                }
                BookmarkRun.start(command + arguments, environment: environment, inbox: inbox, catalogue: state.catalogue)
                return nil
            case .loadEnclosures(let id):
                return .enclosuresLoaded(requestID: id, try library.enclosures())
            case .queueDownloads(let target):
                guard let queued = try library.queueDownloads(target) else { return .failed(state.catalogue.tr("This article has no enclosure")) }
                guard let downloader else { return .failed(state.catalogue.tr("Downloading is not available in this build")) }
                startDownloads(with: downloader)
                return .downloadsQueued(queued)
            case .play(let target, let player):
                guard let path = try library.downloadedFile(target) else { return .failed(state.catalogue.tr("Not downloaded yet: d downloads it")) }
                return handOver(player + [path]).map { .failed(state.catalogue.text(of: $0)) } ?? .info(state.catalogue.tr("Played with %s", player[0]))
            case .copyToClipboard(let text):
                terminal.writeControlSequence(ClipboardSequence.osc52(text, insideTmux: environment["TMUX"] != nil))
                return .info(state.catalogue.tr("Copied %s", text))
            case .notifyTerminal(let text, let notification, let bell):
                terminal.writeControlSequence(NotificationSequence.bytes(text, insideTmux: environment["TMUX"] != nil,
                                                                         notification: notification, bell: bell))
                return nil
            case .redraw:
                terminal.invalidate()
                shown = nil
                return nil
            case .quit:
                return nil
            }
        } catch {
            return .failed(state.catalogue.text(of: error))
        }
    }

    private func startReload(_ feeds: [FeedID]?, with refresher: FeedRefreshing) {
        let inbox = self.inbox
        let thread = Thread {
            let result = refresher.refresh(feeds) { progress in inbox.post(.reloadProgress(progress)) }
            inbox.post(.reloadFinished(result))
        }
        thread.name = "qnread reload"
        thread.start()
    }

    /// One download thread at a time; queued while it runs, the child runs once more when it is done.
    private func startDownloads(with downloader: BackgroundDownloading) {
        guard downloadRun.begin() else { return }
        let inbox = self.inbox
        let run = downloadRun
        let thread = Thread {
            var result: DownloadProgress
            repeat {
                result = downloader.run { progress in inbox.post(.downloadProgress(progress)) }
            } while run.again(continuing: result.problem == nil)
            inbox.post(.downloadsFinished(result))
        }
        thread.name = "qnread downloads"
        thread.start()
    }

    private var articleGone: Message { .failed(state.catalogue.tr("That article is no longer in the store")) }

    private func open(_ url: String) -> Message? {
        let argv: [String]
        do {
            argv = try BrowserCommand.argv(for: url, setting: state.settings.browser, environment: environment)
        } catch {
            return .failed(state.catalogue.text(of: error))
        }
        return handOver(argv).map { .failed(state.catalogue.text(of: $0)) } ?? .info(state.catalogue.tr("Opened %s", url))
    }

    /// Gives the terminal to a program (the browser, the pipe command) until it exits, then draws the screen
    /// again in full; the failure, if any.
    private func handOver(_ argv: [String], input: String? = nil) -> Error? {
        terminal.suspend()
        defer {
            terminal.resume()
            shown = nil
        }
        do {
            try ProgramLauncher.run(argv, input: input)
            return nil
        } catch {
            return error
        }
    }
}

/// Whether the download thread runs, and whether more was queued since its child started.
private final class DownloadRun: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var queuedMore = false

    /// True when a thread must start; false when one runs (it will run the child again).
    func begin() -> Bool {
        lock.withLock {
            if running { queuedMore = true; return false }
            running = true
            return true
        }
    }

    /// After a child: true to run it again (more was queued and the run may go on); false ends the thread, and
    /// the next `begin()` starts one.
    func again(continuing: Bool) -> Bool {
        lock.withLock {
            if continuing && queuedMore { queuedMore = false; return true }
            running = false
            queuedMore = false
            return false
        }
    }
}
