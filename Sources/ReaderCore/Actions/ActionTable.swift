import Localization
import ScreenKit

/// One row of the action table: the single source of default keys, help text and where an action applies.
public struct ActionEntry: Hashable, Sendable {
    public var action: Action
    /// Default key sequences, in the spelling of config files.
    public var keys: [String]
    /// In English, marked for the catalogue: the help screen shows `catalogue.tr(help)`.
    public var help: String
    public var screens: Set<ScreenKind>

    public func applies(to screen: ScreenKind) -> Bool { screens.contains(screen) }
}

// Defaults, the help screen, `qnread keys` and config validation all read this table; nothing else lists keys.
public enum ActionTable {
    private static let every = Set(ScreenKind.allCases)
    private static let lists: Set<ScreenKind> = [.feeds, .articles, .search]
    private static let choosing: Set<ScreenKind> = lists.union([.tags, .enclosures])
    private static let moving: Set<ScreenKind> = [.feeds, .articles, .search, .article, .help, .tags, .enclosures]
    private static let articleScreens: Set<ScreenKind> = [.articles, .search, .article]

    public static let entries: [ActionEntry] = [
        ActionEntry(action: .down, keys: ["j", "Down"], help: N_("Move down one line"), screens: moving),
        ActionEntry(action: .up, keys: ["k", "Up"], help: N_("Move up one line"), screens: moving),
        ActionEntry(action: .pageDown, keys: ["PgDn", "Space"], help: N_("Page down"), screens: moving),
        ActionEntry(action: .pageUp, keys: ["PgUp", "b"], help: N_("Page up"), screens: moving),
        ActionEntry(action: .halfPageDown, keys: ["C-d"], help: N_("Half a page down"), screens: moving),
        ActionEntry(action: .halfPageUp, keys: ["C-u"], help: N_("Half a page up"), screens: moving),
        ActionEntry(action: .top, keys: ["g", "Home"], help: N_("Go to the top"), screens: moving),
        ActionEntry(action: .bottom, keys: ["G", "End"], help: N_("Go to the end"), screens: moving),
        ActionEntry(action: .open, keys: ["Enter"], help: N_("Open the selected item"), screens: choosing),
        ActionEntry(action: .back, keys: ["q"], help: N_("Go back (quit from the feed list)"), screens: every),
        ActionEntry(action: .quit, keys: ["Q"], help: N_("Quit qnread"), screens: every),
        ActionEntry(action: .nextUnread, keys: ["n"], help: N_("Next unread article"),
                    screens: [.feeds, .articles, .search, .article]),
        ActionEntry(action: .prevUnread, keys: ["p"], help: N_("Previous unread article"),
                    screens: [.articles, .search, .article]),
        // newsboat's keys (J, K); its next-feed keys are our j and k, so feeds take ] and [.
        ActionEntry(action: .nextArticle, keys: ["J"], help: N_("Next article"), screens: articleScreens),
        ActionEntry(action: .prevArticle, keys: ["K"], help: N_("Previous article"), screens: articleScreens),
        ActionEntry(action: .nextFeed, keys: ["]"], help: N_("Next feed's articles"), screens: [.articles, .article]),
        ActionEntry(action: .prevFeed, keys: ["["], help: N_("Previous feed's articles"), screens: [.articles, .article]),
        ActionEntry(action: .toggleRead, keys: ["N"], help: N_("Toggle read/unread"), screens: articleScreens),
        ActionEntry(action: .markFeedRead, keys: ["A"], help: N_("Mark this feed read (asks first)"), screens: [.feeds, .articles]),
        ActionEntry(action: .markAllRead, keys: ["C"], help: N_("Mark everything read (asks first)"),
                    screens: [.feeds, .articles]),
        ActionEntry(action: .toggleStar, keys: ["s"], help: N_("Star or unstar the article"), screens: articleScreens),
        ActionEntry(action: .reload, keys: ["r"], help: N_("Reload this feed"), screens: [.feeds, .articles]),
        ActionEntry(action: .reloadAll, keys: ["R"], help: N_("Reload every feed"),
                    screens: [.feeds, .articles, .search, .article]),
        ActionEntry(action: .openInBrowser, keys: ["o"], help: N_("Open in the browser (a feed: its site)"),
                    screens: [.feeds, .articles, .search, .article]),
        ActionEntry(action: .showLinks, keys: ["u"], help: N_("Show the article's links"), screens: [.article]),
        ActionEntry(action: .openLink, keys: ["#"], help: N_("Open link number N (or type N then Enter)"),
                    screens: [.article]),
        // newsboat's | for pipe-to; its s (save) is our star and its ^B (bookmark) tmux's prefix, so S and B.
        ActionEntry(action: .pipeTo, keys: ["|"], help: N_("Pipe the article's text to the pipe command"),
                    screens: articleScreens),
        ActionEntry(action: .save, keys: ["S"], help: N_("Save the article as a text file in save_dir"),
                    screens: articleScreens),
        ActionEntry(action: .bookmark, keys: ["B"], help: N_("Bookmark the article with bookmark_command"),
                    screens: articleScreens),
        ActionEntry(action: .yankURL, keys: ["y"], help: N_("Copy the article's URL to the clipboard"),
                    screens: articleScreens),
        // podboat's d (download) and P (play).
        ActionEntry(action: .download, keys: ["d"], help: N_("Download the enclosure (podcast), in the background"),
                    screens: articleScreens.union([.enclosures])),
        ActionEntry(action: .play, keys: ["P"], help: N_("Play the downloaded enclosure with player"),
                    screens: [.article, .enclosures]),
        ActionEntry(action: .search, keys: ["/"], help: N_("Search articles"), screens: lists),
        ActionEntry(action: .filterTag, keys: ["t"], help: N_("Choose a tag to show, from a list with unread counts"),
                    screens: [.feeds]),
        ActionEntry(action: .toggleShowRead, keys: ["l"], help: N_("Show or hide read items"), screens: [.feeds, .articles]),
        ActionEntry(action: .showError, keys: ["E"], help: N_("Show why the feed's last fetch failed"), screens: [.feeds]),
        // newsboat's prefix: `, v` runs the macro config.toml binds to v.
        ActionEntry(action: .macroPrefix, keys: [","], help: N_("Run a macro: the next key names it ([macros])"),
                    screens: every),
        ActionEntry(action: .help, keys: ["?"], help: N_("Help for this screen"), screens: every.subtracting([.help])),
        ActionEntry(action: .redraw, keys: ["C-l"], help: N_("Redraw the screen"), screens: every),
    ]

    public static func entry(for action: Action) -> ActionEntry {
        entries.first { $0.action == action }!
    }
}
