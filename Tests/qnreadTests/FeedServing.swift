import Foundation
import LocalHTTPServer

/// French RSS 2.0 with `count` items whose ids start at `first`.
func frenchFeed(title: String, items: Range<Int>) -> String {
    let entries = items.map { n in
        """
        <item><title>Article \(n) : « Québec » en fête</title><link>https://exemple.qc.ca/\(n)</link>
        <guid>article-\(n)</guid><pubDate>Mon, 02 Nov 2026 1\(n % 10):00:00 -0500</pubDate>
        <description>L’été des développeuses, épisode \(n).</description></item>
        """
    }.joined(separator: "\n")
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(title)</title><link>https://exemple.qc.ca/</link>
        \(entries)
        </channel></rss>
        """
}

/// Answers for a handful of feeds, changeable between reloads.
final class FeedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [String: HTTPReply] = [:]

    func set(_ path: String, _ reply: HTTPReply) {
        lock.lock(); replies[path] = reply; lock.unlock()
    }

    func reply(_ request: HTTPRequest) -> HTTPReply {
        lock.lock(); defer { lock.unlock() }
        return replies[request.path] ?? HTTPReply(status: 404)
    }
}

func gzip(_ text: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-n"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

/// Runs the binary under `script`, so its stdout is a pseudo-terminal; returns the exit status and what it drew.
func runInTerminal(_ arguments: [String], environment: [String: String], input: String? = nil) throws -> (Int32, String) {
    let command = ([QnReadProcess.binaryURL.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    process.environment = environment.merging(["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm"]) { old, _ in old }
    let output = Pipe(), typed = Pipe()
    process.standardOutput = output
    process.standardInput = input == nil ? FileHandle.nullDevice : typed
    try process.run()
    if let input {
        typed.fileHandleForWriting.write(Data(input.utf8))
        try typed.fileHandleForWriting.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
