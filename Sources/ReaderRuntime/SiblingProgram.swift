import Foundation
import Glibc
import ReaderConfig

/// qnread ships as two programs: `qnread`, which opens the reader with no network library loaded, and
/// `qnread-tool`, which has every subcommand and does all the fetching. Each finds the other beside itself, in a
/// build directory as in `PREFIX/bin`.
public enum SiblingProgram {
    public static let reader = "qnread"
    public static let tool = "qnread-tool"

    /// The path of `name` beside the running program, or nil when it is not there.
    public static func path(_ name: String, executable: URL = ReaderPaths.runningExecutable) -> String? {
        let path = executable.deletingLastPathComponent().appendingPathComponent(name).path
        return access(path, X_OK) == 0 ? path : nil
    }

    /// Replaces this process with `name`, given the same arguments; returns only with a message when it cannot.
    public static func exec(_ name: String, arguments: [String]) -> String {
        guard let path = path(name) else {
            return "\(name) is not installed beside \(ReaderPaths.runningExecutable.path)"
        }
        withCStringArray(arguments) { _ = execv(path, $0) }
        return "cannot run \(path): \(String(cString: strerror(errno)))"
    }
}
