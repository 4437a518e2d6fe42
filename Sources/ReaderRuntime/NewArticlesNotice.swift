import Foundation
import ReaderCore
import TextSafety

/// Announcing new articles after a reload or sync: `notify_command` (argv, never a shell, the summary one more
/// argument); the reader adds the terminal's own (ScreenKit's NotificationSequence). Nothing when no article is new.
public enum NewArticlesNotice {
    /// The summary in the reader's language, or nil when nothing is new.
    public static func summary(articles: Int, feeds: Int?, environment: [String: String]) -> String? {
        guard articles > 0 else { return nil }
        return PodcastText.newArticles(articles, feeds: feeds, french: PodcastText.isFrench(environment))
    }

    /// Runs `command` with `summary` after it and waits for it; its output is dropped. A warning line when it is
    /// missing or fails, else nil.
    public static func run(_ command: [String], summary: String, environment: [String: String]) -> String? {
        guard let program = command.first, !program.isEmpty else { return nil }
        do {
            let status = try ChildProcess.run(command + [summary], environment: environment) { _ in }
            return ChildProcess.failure(of: program, status: status).map { "notify_command: \($0)" }
        } catch {
            return "notify_command: \(error)"
        }
    }
}
