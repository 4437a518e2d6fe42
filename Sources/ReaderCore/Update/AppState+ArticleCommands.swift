import FeedModel
import TextSafety

// pipe-to, save, bookmark and yank-url: the article on screen (or selected) handed to a command, a file or the
// clipboard. Here only the checks a reader can act on; the runtime loads the article and does the rest.

extension AppState {
    mutating func pipeArticle() -> [Effect] {
        guard let article = currentArticle else { return [] }
        guard let command = settings.pipe else {
            status = StatusMessage(catalogue.tr("No pipe command: set pipe = [\"less\", \"-R\"] in config.toml"), isError: true)
            return []
        }
        return [.pipeArticle(article.id, command: command, width: max(1, size.width))]
    }

    mutating func saveArticle() -> [Effect] {
        guard let article = currentArticle else { return [] }
        guard let directory = settings.saveDirectory, !directory.isEmpty else {
            status = StatusMessage(catalogue.tr("No save directory: set save_dir in config.toml"), isError: true)
            return []
        }
        return [.saveArticle(article.id, directory: directory, width: ArticleExport.fileWidth)]
    }

    mutating func bookmarkArticle() -> [Effect] {
        guard let article = currentArticle else { return [] }
        guard let command = settings.bookmarkCommand else {
            status = StatusMessage(catalogue.tr("No bookmark command: set bookmark_command in config.toml"), isError: true)
            return []
        }
        guard article.link.flatMap(URLText.launchable) != nil else {
            status = StatusMessage(catalogue.tr("This article has no link to bookmark"), isError: true)
            return []
        }
        status = StatusMessage(catalogue.tr("Bookmarking…"))
        return [.bookmarkArticle(article.id, command: command)]
    }

    mutating func yankURL() -> [Effect] {
        guard let article = currentArticle else { return [] }
        guard let url = article.link.flatMap(URLText.launchable) else {
            status = StatusMessage(catalogue.tr("This article has no link to copy"), isError: true)
            return []
        }
        return [.copyToClipboard(url)]
    }

    /// What `pipe-to` and `save` write: the article as the pager lays it out at `width`, as plain text.
    public func articleText(_ article: Article, width: Int) -> String {
        ArticleExport.text(article, width: width, dateText: dateText)
    }
}
