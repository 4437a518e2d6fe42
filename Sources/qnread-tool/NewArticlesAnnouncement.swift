import Foundation
import ReaderConfig
import ReaderRuntime

/// After a reload or sync that brought new articles: config.toml's notify_command runs with the summary, in qnread's
/// language (config.toml's `language`, else the locale's, as the reader's), as one more argument (a failure is one warning). Returns the summary, for the reader's own announcement; nil when
/// nothing is new.
enum NewArticlesAnnouncement {
    @discardableResult
    static func announce(_ articles: Int, feeds: Int?, config: ReaderConfiguration, warn: (String) -> Void) -> String? {
        let environment = ToolEnvironment.variables
        let catalogue = ToolLanguage.catalogue
        guard let summary = NewArticlesNotice.summary(articles: articles, feeds: feeds, catalogue: catalogue) else { return nil }
        if let command = config.settings.notifyCommand,
           let problem = NewArticlesNotice.run(command, summary: summary, environment: environment, catalogue: catalogue) {
            warn(problem)
        }
        return summary
    }
}
