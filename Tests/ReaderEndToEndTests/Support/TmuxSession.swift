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
        // The server forks from this call and keeps whatever pipes it inherits: give it none.
        try tmux(args, detached: true)
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

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    func isDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", target, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Waits for the program to exit and returns its exit status.
    func waitForExit(timeout: TimeInterval = 10) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try isDead() {
                return Int(try tmux(["display-message", "-p", "-t", target, "#{pane_dead_status}"])
                    .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            }
            Thread.sleep(forTimeInterval: 0.03)
        }
        throw TmuxError(description: "qnread did not exit")
    }

    @discardableResult
    private func tmux(_ args: [String], detached: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-u", "-L", socket, "-f", "/dev/null"] + args
        if detached {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw TmuxError(description: "tmux \(args.first ?? "") failed") }
            return ""
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError(description: "tmux \(args.first ?? ""): " + String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
