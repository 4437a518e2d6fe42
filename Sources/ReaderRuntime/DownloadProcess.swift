import FeedStorage
import Foundation
import Glibc
import Localization
import ReaderCore
import TextSafety

/// Runs what the reader queued in the background (podcasts): `qnread-tool download` in a child process, as reloads
/// run, so the reader's process never loads the network libraries. The child downloads every queued enclosure and
/// reports with DownloadProgressLine lines; `d` pressed while it runs queues more, and the child runs again once
/// it is done. Called on the loop's download thread, which it blocks until the child is done.
public protocol BackgroundDownloading: Sendable {
    func run(progress: @escaping @Sendable (DownloadProgress) -> Void) -> DownloadProgress
    func stop()
}

public struct DownloadProcess: BackgroundDownloading {
    private let tool: String
    private let store: FeedStore
    private let configFile: String?
    private let environment: [String: String]
    /// The reader's language, for a child that did not run; the child says the rest in the same one.
    private let catalogue: Catalogue
    private let running = RunningChild()

    public init(tool: String, store: FeedStore, configFile: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, catalogue: Catalogue = .english) {
        self.tool = tool
        self.store = store
        self.configFile = configFile
        self.environment = environment
        self.catalogue = catalogue
    }

    /// The child's argv: the reader's database and config.toml (download_dir, download_name, the caps).
    func arguments() -> [String] {
        [tool, "--db", store.path] + (configFile.map { ["--config", $0] } ?? []) + ["download", "--progress-lines"]
    }

    public func run(progress: @escaping @Sendable (DownloadProgress) -> Void) -> DownloadProgress {
        var last = DownloadProgress(done: 0, total: 0)
        var said: String?
        let status: Int32
        do {
            status = try ChildProcess.run(arguments(), environment: environment, tracking: running.set) { line in
                if let step = DownloadProgressLine.parse(line) {
                    last = step
                    progress(step)
                } else if !line.allSatisfy(\.isWhitespace) {
                    said = SafeText.collapsedLine(String(line))
                }
            }
        } catch {
            last.problem = catalogue.text(of: error)
            return last
        }
        // A run whose downloads failed exits 1 and says so in its counts; any other failure is the child's own.
        if status != 0, last.failed == 0 {
            last.problem = said ?? ChildProcess.failure(of: tool, status: status).map(catalogue.text(of:))
        }
        return last
    }

    /// Ends a download still running (the reader is quitting): the child gets SIGTERM; its partial file stays for
    /// the next run to resume.
    public func stop() {
        running.stop()
    }
}
