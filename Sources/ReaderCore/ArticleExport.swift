import ArticleText
import FeedModel
import TextSafety

// An article leaving the reader for another program or a file: as text laid out the way the pager shows it, or
// as the four arguments of a bookmark command. Pure; everything from the feed is cleaned of control characters,
// since a pager such as `less -R` would obey an escape sequence left in.

public enum ArticleExport {
    /// Columns of a saved article: a text file is read in any window, not only this one.
    public static let fileWidth = 80
    /// Characters of the description a bookmark command receives.
    static let descriptionLength = 300

    /// The pager's lines (header, body, numbered links) as plain text, one line each, trailing blanks trimmed.
    public static func text(_ article: Article, width: Int, dateText: DateText) -> String {
        let layout = PagerLayout(article: article, document: ArticleDocument(article: article), width: max(1, width), dateText: dateText)
        var out = ""
        for line in layout.lines {
            var text = SafeText.removingUnsafe(line.text)
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        return out
    }

    /// URL, title, description and feed title, each one argument (newsboat's bookmark-cmd order); nil when the
    /// article has no URL another program may be given. The description is the summary's text, else the body's,
    /// one line, cut to `descriptionLength` characters.
    public static func bookmarkArguments(_ article: Article) -> [String]? {
        guard let url = article.link.flatMap(URLText.launchable) else { return nil }
        var description = SafeText.collapsedLine(HTMLPlainText.text(of: article.summaryHTML ?? article.bodyHTML))
        if description.count > descriptionLength {
            description = String(description.prefix(descriptionLength - 1)).trimmingTrailingSpaces + "…"
        }
        return [url, SafeText.collapsedLine(article.title), description, SafeText.collapsedLine(article.feedTitle)]
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
