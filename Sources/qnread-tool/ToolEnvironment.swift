import Foundation

/// The process's environment, read once. Foundation builds a new dictionary of every variable at each
/// `ProcessInfo.processInfo.environment` (0.3 M instructions after the first), and a reload asked for it five times.
/// qnread-tool sets no variable of its own, so the snapshot stays true.
enum ToolEnvironment {
    static let variables = ProcessInfo.processInfo.environment
}
