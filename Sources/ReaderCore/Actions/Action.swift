/// Everything a key can do. The raw value is the name config files use.
public enum Action: String, Hashable, Sendable, CaseIterable {
    case quit, back, down, up
    case pageDown = "page-down", pageUp = "page-up", halfPageDown = "half-page-down", halfPageUp = "half-page-up"
    case top, bottom, open
    case nextUnread = "next-unread", prevUnread = "prev-unread"
    case nextArticle = "next-article", prevArticle = "prev-article", nextFeed = "next-feed", prevFeed = "prev-feed"
    case toggleRead = "toggle-read", markFeedRead = "mark-feed-read", markAllRead = "mark-all-read"
    case toggleStar = "toggle-star"
    case reload, reloadAll = "reload-all"
    case openInBrowser = "open-in-browser", showLinks = "show-links", openLink = "open-link"
    case search, filterTag = "filter-tag", toggleShowRead = "toggle-show-read", showError = "show-error"
    case pipeTo = "pipe-to", save, bookmark, yankURL = "yank-url"
    case download, play
    case help, redraw
    case macroPrefix = "macro-prefix"
}
