import ArticleText
import FeedModel
import Foundation
import ScreenKit

extension ArticleDocument {
    /// A stored article's body, its relative links resolved against the article's own link.
    init(article: Article) {
        self.init(html: article.bodyHTML, baseURL: article.link.flatMap(URL.init(string:)))
    }
}

/// The pager's lines for one width: the article header, the rendered body, then the numbered links, the
/// feed's enclosures numbered after the links of the body.
struct PagerLayout {
    private(set) var lines: [StyledLine] = []
    /// Link number → URL.
    private(set) var targets: [Int: String] = [:]
    private(set) var linksLine: Int?

    init(article: Article, document: ArticleDocument, width: Int, dateText: DateText) {
        let header = ArticleHeader(article: article, date: dateText.string(from: article.date))
        lines = ArticleLayout.headerLines(header, width: width) + [StyledLine()]
        lines += ArticleLayout.bodyLines(for: document, width: width)

        let links = ArticleLayout.numberedLinks(document: document, enclosures: article.enclosures)
        guard !links.isEmpty else { return }
        for link in links { targets[link.number] = link.url }
        lines.append(StyledLine())
        linksLine = lines.count
        lines += ArticleLayout.linkLines(links, width: width)
    }
}
