import Foundation
import Localization
import ReaderCore
import TextSafety

/// Announcing new articles after a reload or sync: `notify_command` (argv, never a shell, the summary one more
/// argument); the reader adds the terminal's own (ScreenKit's NotificationSequence). Nothing when no article is new.
public enum NewArticlesNotice {
    /// The summary in the reader's language (its catalogue), or nil when nothing is new.
    public static func summary(articles: Int, feeds: Int?, catalogue: Catalogue) -> String? {
        guard articles > 0 else { return nil }
        return PodcastText.newArticles(articles, feeds: feeds, in: catalogue)
    }

    /// Runs `command` with `summary` after it and waits for it; its output is dropped. A warning line when it is
    /// missing or fails, else nil.
    public static func run(_ command: [String], summary: String, environment: [String: String], catalogue: Catalogue) -> String? {
        guard let program = command.first, !program.isEmpty else { return nil }
        do {
            let status = try ChildProcess.run(command + [summary], environment: environment) { _ in }
            return ChildProcess.failure(of: program, status: status).map { "notify_command: " + catalogue.text(of: $0) }
        } catch {
            return "notify_command: " + catalogue.text(of: error)
        }
    }
}
