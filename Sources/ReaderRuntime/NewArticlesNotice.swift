import Foundation
import Synchronization
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

    /// How long a notifier may take: a reload or sync waits for it, and one that never exits would hold it up.
    public static let timeout: Double = 10

    /// Runs `command` with `summary` after it and waits for it, at most `timeout` seconds (then it is stopped with
    /// SIGTERM, with whatever it started); its output is dropped. A warning line when it is missing, fails or runs
    /// too long, else nil.
    public static func run(_ command: [String], summary: String, environment: [String: String], catalogue: Catalogue,
                           timeout: Double = timeout) -> String? {
        guard let program = command.first, !program.isEmpty else { return nil }
        // The child's id while it runs, nil once reaped (the timer's signal reaches this child and no other), and
        // whether the timer stopped it.
        let child = Mutex<(pid: pid_t?, stopped: Bool)>((nil, false))
        let timer = DispatchWorkItem {
            child.withLock { child in
                guard let pid = child.pid else { return }
                kill(-pid, SIGTERM)
                child.stopped = true
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        defer { timer.cancel() }
        do {
            let status = try ChildProcess.run(command + [summary], environment: environment, ownGroup: true,
                                              tracking: { pid in child.withLock { $0.pid = pid } }) { _ in }
            if child.withLock({ $0.stopped }) {
                return "notify_command: " + catalogue.tr("%s still ran after %s s, and was stopped", program, String(Int(timeout)))
            }
            return ChildProcess.failure(of: program, status: status).map { "notify_command: " + catalogue.text(of: $0) }
        } catch {
            return "notify_command: " + catalogue.text(of: error)
        }
    }
}
