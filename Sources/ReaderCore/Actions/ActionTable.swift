import ScreenKit

/// One row of the action table: the single source of default keys, help text and where an action applies.
public struct ActionEntry: Hashable, Sendable {
    public var action: Action
    /// Default key sequences, in the spelling of config files.
    public var keys: [String]
    public var help: String
    public var screens: Set<ScreenKind>

    public func applies(to screen: ScreenKind) -> Bool { screens.contains(screen) }
}

// Defaults, the help screen, `qnread keys` and config validation all read this table; nothing else lists keys.
public enum ActionTable {
    private static let every = Set(ScreenKind.allCases)
    private static let lists: Set<ScreenKind> = [.feeds, .articles, .search]
    private static let choosing: Set<ScreenKind> = lists.union([.tags])
    private static let moving: Set<ScreenKind> = [.feeds, .articles, .search, .article, .help, .tags]
    private static let articleScreens: Set<ScreenKind> = [.articles, .search, .article]

    public static let entries: [ActionEntry] = [
        ActionEntry(action: .down, keys: ["j", "Down"], help: "Move down one line", screens: moving),
        ActionEntry(action: .up, keys: ["k", "Up"], help: "Move up one line", screens: moving),
        ActionEntry(action: .pageDown, keys: ["PgDn", "Space"], help: "Page down", screens: moving),
        ActionEntry(action: .pageUp, keys: ["PgUp", "b"], help: "Page up", screens: moving),
        ActionEntry(action: .halfPageDown, keys: ["C-d"], help: "Half a page down", screens: moving),
        ActionEntry(action: .halfPageUp, keys: ["C-u"], help: "Half a page up", screens: moving),
        ActionEntry(action: .top, keys: ["g", "Home"], help: "Go to the top", screens: moving),
        ActionEntry(action: .bottom, keys: ["G", "End"], help: "Go to the end", screens: moving),
        ActionEntry(action: .open, keys: ["Enter"], help: "Open the selected item", screens: choosing),
        ActionEntry(action: .back, keys: ["q"], help: "Go back (quit from the feed list)", screens: every),
        ActionEntry(action: .quit, keys: ["Q"], help: "Quit qnread", screens: every),
        ActionEntry(action: .nextUnread, keys: ["n"], help: "Next unread article",
                    screens: [.feeds, .articles, .search, .article]),
        ActionEntry(action: .prevUnread, keys: ["p"], help: "Previous unread article",
                    screens: [.articles, .search, .article]),
        // newsboat's keys (J, K); its next-feed keys are our j and k, so feeds take ] and [.
        ActionEntry(action: .nextArticle, keys: ["J"], help: "Next article", screens: articleScreens),
        ActionEntry(action: .prevArticle, keys: ["K"], help: "Previous article", screens: articleScreens),
        ActionEntry(action: .nextFeed, keys: ["]"], help: "Next feed's articles", screens: [.articles, .article]),
        ActionEntry(action: .prevFeed, keys: ["["], help: "Previous feed's articles", screens: [.articles, .article]),
        ActionEntry(action: .toggleRead, keys: ["N"], help: "Toggle read/unread", screens: articleScreens),
        ActionEntry(action: .markFeedRead, keys: ["A"], help: "Mark this feed read (asks first)", screens: [.feeds, .articles]),
        ActionEntry(action: .markAllRead, keys: ["C"], help: "Mark everything read (asks first)",
                    screens: [.feeds, .articles]),
        ActionEntry(action: .toggleStar, keys: ["s"], help: "Star or unstar the article", screens: articleScreens),
        ActionEntry(action: .reload, keys: ["r"], help: "Reload this feed", screens: [.feeds, .articles]),
        ActionEntry(action: .reloadAll, keys: ["R"], help: "Reload every feed",
                    screens: [.feeds, .articles, .search, .article]),
        ActionEntry(action: .openInBrowser, keys: ["o"], help: "Open in the browser (a feed: its site)",
                    screens: [.feeds, .articles, .search, .article]),
        ActionEntry(action: .showLinks, keys: ["u"], help: "Show the article's links", screens: [.article]),
        ActionEntry(action: .openLink, keys: ["#"], help: "Open link number N (or type N then Enter)",
                    screens: [.article]),
        // newsboat's | for pipe-to; its s (save) is our star and its ^B (bookmark) tmux's prefix, so S and B.
        ActionEntry(action: .pipeTo, keys: ["|"], help: "Pipe the article's text to the pipe command",
                    screens: articleScreens),
        ActionEntry(action: .save, keys: ["S"], help: "Save the article as a text file in save_dir",
                    screens: articleScreens),
        ActionEntry(action: .bookmark, keys: ["B"], help: "Bookmark the article with bookmark_command",
                    screens: articleScreens),
        ActionEntry(action: .yankURL, keys: ["y"], help: "Copy the article's URL to the clipboard",
                    screens: articleScreens),
        ActionEntry(action: .search, keys: ["/"], help: "Search articles", screens: lists),
        ActionEntry(action: .filterTag, keys: ["t"], help: "Choose a tag to show, from a list with unread counts",
                    screens: [.feeds]),
        ActionEntry(action: .toggleShowRead, keys: ["l"], help: "Show or hide read items", screens: [.feeds, .articles]),
        ActionEntry(action: .showError, keys: ["E"], help: "Show why the feed's last fetch failed", screens: [.feeds]),
        // newsboat's prefix: `, v` runs the macro config.toml binds to v.
        ActionEntry(action: .macroPrefix, keys: [","], help: "Run a macro: the next key names it ([macros])",
                    screens: every),
        ActionEntry(action: .help, keys: ["?"], help: "Help for this screen", screens: every.subtracting([.help])),
        ActionEntry(action: .redraw, keys: ["C-l"], help: "Redraw the screen", screens: every),
    ]

    public static func entry(for action: Action) -> ActionEntry {
        entries.first { $0.action == action }!
    }
}
