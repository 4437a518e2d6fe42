import Foundation
import Localization
import ReaderCore
import TextSafety

/// `bookmark`: bookmark_command run on a thread of its own, its output read (never drawn over the screen), and
/// its last line or its failure posted to the loop. A command that hangs holds up no key.
enum BookmarkRun {
    static func start(_ argv: [String], environment: [String: String], inbox: Inbox, catalogue: Catalogue) {
        let thread = Thread {
            inbox.post(outcome(argv, environment: environment, catalogue: catalogue))
        }
        thread.name = "qnread bookmark"
        thread.start()
    }

    static func outcome(_ argv: [String], environment: [String: String], catalogue: Catalogue = .english) -> Message {
        var said: String?
        do {
            let status = try ChildProcess.run(argv, environment: environment) { line in
                let text = SafeText.collapsedLine(String(line))
                if !text.isEmpty { said = text }
            }
            if let problem = ChildProcess.failure(of: argv[0], status: status) {
                return .failed(catalogue.text(of: problem) + (said.map { ": \($0)" } ?? ""))
            }
            return .info(said.map { catalogue.tr("Bookmarked: %s", $0) } ?? catalogue.tr("Bookmarked"))
        } catch {
            return .failed(catalogue.text(of: error))
        }
    }
}
