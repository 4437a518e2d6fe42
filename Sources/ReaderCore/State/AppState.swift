import FeedModel
import Foundation
import Localization
import ScreenKit

/// The reader's whole state. Only `update` changes it; views only read it.
public struct AppState: Sendable {
    public var size: Size
    public var settings: Settings
    public var keymap: Keymap
    public var theme: Theme
    public var timeZone: TimeZone
    /// The interface's language: `settings.language`, else the environment's, chosen by the runtime.
    public var catalogue: Catalogue
    /// Today, for dates: this year's are written without the year. The runtime sets it; ReaderCore reads no clock.
    public var today: Date

    public var feeds: [FeedSummary] = []
    public var feedsLoaded = false
    public var feedList = ListState()
    public var tagFilter: String?
    /// Screens above the feed list, top last.
    public var stack: [Screen] = []
    public var prompt: PromptState?
    public var status: StatusMessage?
    public var reload: ReloadProgress?
    /// The background download under way, if any.
    public var downloads: DownloadProgress?
    /// Episodes (articles with enclosures) in the store, and how many have none queued: the Enclosures row shows
    /// once there is one.
    public var enclosureCount = 0
    public var newEnclosureCount = 0
    /// Keys typed so far of a multi-key binding.
    public var pendingKeys: [KeyEvent] = []
    /// Digits typed in the pager before Enter opens that link.
    public var pendingNumber = ""
    /// The macro prefix was typed: the next key names a macro.
    public var awaitsMacroKey = false
    public var isRunning = true
    /// The `findUnread` answer the reader waits for.
    var unreadRequestID: Int?
    var nextRequestID = 1

    public init(size: Size, settings: Settings = Settings(), keymap: Keymap = .defaults, theme: Theme = .builtIn,
                timeZone: TimeZone = TimeZone(identifier: "UTC")!, catalogue: Catalogue = .english,
                today: Date = Date(timeIntervalSince1970: 0)) {
        self.size = size
        self.settings = settings
        self.keymap = keymap
        self.theme = theme
        self.timeZone = timeZone
        self.catalogue = catalogue
        self.today = today
    }

    public var screenKind: ScreenKind {
        switch stack.last {
        case nil: return .feeds
        case .articles(let list)?: return list.kind
        case .article?: return .article
        case .help?: return .help
        case .tags?: return .tags
        case .enclosures?: return .enclosures
        }
    }

    /// Rows between the title bar and the status bar.
    public var contentHeight: Int { max(0, size.height - 2) }

    /// The feed list as shown: the two merged entries, then feeds kept by the tag filter and show-read.
    public var feedRows: [FeedRow] {
        var rows: [FeedRow] = [.all, .starred]
        if enclosureCount > 0 { rows.append(.enclosures) }
        for feed in feeds {
            if let tag = tagFilter, !feed.tags.contains(tag) { continue }
            if !settings.showRead, feed.unreadCount == 0, !feed.fetch.isFailing { continue }
            rows.append(.feed(feed))
        }
        return rows
    }

    /// The feeds whose counts add up to "All articles": a query or search feed shows articles of the others,
    /// and adding its counts would count them twice.
    public var countedFeeds: [FeedSummary] { feeds.filter { !$0.isQuery } }

    /// The tag chooser's rows: every feed, then each tag in order of first appearance, with its feeds' counts (a
    /// query feed's tag is offered, its counts are not added).
    public var tagRows: [TagRow] {
        var rows = [TagRow(tag: nil, unreadCount: countedFeeds.reduce(0) { $0 + $1.unreadCount },
                           totalCount: countedFeeds.reduce(0) { $0 + $1.totalCount })]
        var index: [String: Int] = [:]
        for feed in feeds {
            for tag in feed.tags {
                let row = index[tag] ?? {
                    rows.append(TagRow(tag: tag, unreadCount: 0, totalCount: 0))
                    index[tag] = rows.count - 1
                    return rows.count - 1
                }()
                guard !feed.isQuery else { continue }
                rows[row].unreadCount += feed.unreadCount
                rows[row].totalCount += feed.totalCount
            }
        }
        return rows
    }

    mutating func makeRequestID() -> Int {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    var dateText: DateText {
        DateText(format: settings.dateFormat, timeZone: timeZone, language: catalogue.language, today: today)
    }
}
