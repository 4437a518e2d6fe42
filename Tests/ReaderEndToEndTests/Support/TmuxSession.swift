import Foundation

// Runs the real qnread inside a real terminal: a tmux server of its own (its own socket, no user config),
// keys sent with send-keys, the screen read back with capture-pane. Waits poll the screen; no fixed sleeps.

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

final class TmuxSession {
    let socket: String
    private let target = "qnread"

    /// Starts `argv` in a detached `width`×`height` window with exactly `environment` (plus TERM).
    init(_ argv: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        socket = "qnread-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var args = ["new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        // More than one word after the options: tmux runs the program itself, no shell in between.
        args += ["--", "/usr/bin/env", "-i"] + environment.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\($0.value)" }
            + ["TERM=tmux-256color"] + argv
        try tmux(args)
        try tmux(["set-option", "-t", target, "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends tmux key names (`Enter`, `C-l`, `PageDown`, `Escape`) or, with `literal`, text as typed.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", target] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", target, "-l", text]) }

    /// The screen as text, one string per row.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", target]).components(separatedBy: "\n")
    }

    /// The screen with its attributes as escape sequences (`capture-pane -e`), one string per row.
    func styledScreen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-e", "-t", target]).components(separatedBy: "\n")
    }

    /// Waits until `condition` holds for the screen; fails with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            if try isDead() { throw TmuxError(description: "qnread exited while waiting for \(what):\n" + last.joined(separator: "\n")) }
            Thread.sleep(forTimeInterval: 0.03)
        }
        throw TmuxError(description: "timed out waiting for \(what); screen:\n" + last.joined(separator: "\n"))
    }

    /// Waits until some row contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Sets a server option (`set-clipboard on`: OSC 52 from the program fills a paste buffer).
    func setServerOption(_ name: String, _ value: String) throws {
        try tmux(["set-option", "-s", name, value])
    }

    /// From now on, every byte the program writes to the terminal is appended to `file` as written (escape
    /// sequences included, before tmux interprets them).
    func recordOutput(to file: URL) throws {
        try tmux(["pipe-pane", "-O", "-t", target, "cat >> '\(file.path)'"])
    }

    /// The newest paste buffer, or nil when there is none.
    func pasteBuffer() -> String? {
        try? tmux(["show-buffer"])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    func isDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", target, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The process id of the program in the window.
    func programPID() throws -> String {
        try tmux(["display-message", "-p", "-t", target, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits for the program to exit and returns its exit status (128+N when signal N ended it).
    func waitForExit(timeout: TimeInterval = 10) throws -> Int {
        let pid = try programPID()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // The pane reads as dead when the terminal closes; the status comes once the server has reaped
            // the process, a moment later.
            let fields = try tmux(["display-message", "-p", "-t", target, "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"])
                .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false)
            if fields.count == 3, fields[0] == "1" {
                if let status = Int(fields[1]) { return status }
                if let signal = Int(fields[2]) { return 128 + signal }
                // The tmux 3.3a server started from the test run sometimes leaves the pane's process a zombie
                // for seconds; its wait status is in /proc meanwhile.
                if let status = zombieStatus(pid) { return status }
            }
            Thread.sleep(forTimeInterval: 0.03)
        }
        throw TmuxError(description: "qnread did not exit")
    }

    /// The exit status of zombie `pid` from field 52 of /proc/PID/stat (after the `(comm)` field, state is
    /// field 3); nil when it is not a zombie.
    private func zombieStatus(_ pid: String) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.range(of: ")", options: .backwards) else { return nil }
        let fields = stat[end.upperBound...].split(separator: " ")
        guard fields.count >= 50, fields[0] == "Z", let wait = Int(fields[49].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return wait & 0x7f == 0 ? (wait >> 8) & 0xff : 128 + (wait & 0x7f)
    }

    /// Runs one tmux command and returns its stdout. Output goes to a temporary file, never a pipe: the
    /// server that `new-session` forks would keep a pipe open and the read would never end.
    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try ChildProcess.run(["/usr/bin/tmux", "-u", "-L", socket, "-f", "/dev/null"] + args, output: output.path)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw TmuxError(description: "tmux \(args.first ?? "") exited \(status): \(text)") }
        return text
    }
}
