import ArticleText
import FeedModel
import ScreenKit

/// What the pager and `qnread show` print above an article. The strings arrive formatted (ReaderCore has
/// no clock and no locale): the date is already "3 novembre 2026, 18 h 30" or whatever the caller chose.
public struct ArticleHeader: Hashable, Sendable {
    public var title: String
    public var feed: String?
    public var author: String?
    public var date: String?
    public var link: String?

    public init(title: String, feed: String? = nil, author: String? = nil, date: String? = nil, link: String? = nil) {
        self.title = title
        self.feed = feed
        self.author = author
        self.date = date
        self.link = link
    }
}

extension ArticleLayout {
    /// Title, then "feed · author · date", then the link, then a rule. Every field is cleaned of controls.
    public static func headerLines(_ header: ArticleHeader, width: Int) -> [StyledLine] {
        let width = max(width, 1)
        var out = LineWrapper(width: width).wrap([StyledSpan(clean(header.title), roles: [.heading, .strong])])
        let byline = [header.feed, header.author, header.date].compactMap { $0.map(clean) }.filter { !$0.isEmpty }
        if !byline.isEmpty {
            out += LineWrapper(width: width).wrap([StyledSpan(byline.joined(separator: " · "), roles: [.dim])])
        }
        if let link = header.link.map(clean), !link.isEmpty {
            out += LineWrapper(width: width).wrap([StyledSpan(link, roles: [.link])])
        }
        out.append(StyledLine([StyledSpan(String(repeating: "─", count: width), roles: [.dim])]))
        return out
    }

    private static func clean(_ text: String) -> String { TerminalSafeText.plain(text) }
}

extension ArticleHeader {
    /// The header of a stored article; `date` arrives formatted (ReaderCore has no clock and no locale).
    public init(article: Article, date: String?) {
        self.init(title: article.title, feed: article.feedTitle,
                  author: article.authors.isEmpty ? nil : article.authors.joined(separator: ", "),
                  date: date, link: article.link)
    }
}
