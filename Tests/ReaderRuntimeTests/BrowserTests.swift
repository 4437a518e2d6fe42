import Foundation
import ReaderRuntime
import Testing

@Suite("Opening URLs")
struct BrowserTests {
    static let hostile = "https://exemple.qc.ca/a;b&c|d$(touch /tmp/qnread-pwned)`id`'\"<>*?~ é"

    @Test("The browser setting wins, then $BROWSER, then xdg-open; the URL is one argv element")
    func order() throws {
        let url = "https://quebec.example/l’hiver"
        #expect(try BrowserCommand.argv(for: url, setting: ["w3m", "-o", "x=1"], environment: ["BROWSER": "lynx"])
                == ["w3m", "-o", "x=1", url])
        #expect(try BrowserCommand.argv(for: url, setting: nil, environment: ["BROWSER": "firefox --new-tab:lynx"])
                == ["firefox", "--new-tab", url])
        #expect(try BrowserCommand.argv(for: url, setting: nil, environment: [:]) == ["xdg-open", url])
        #expect(try BrowserCommand.argv(for: url, setting: ["nav", "--url=%u"], environment: [:]) == ["nav", "--url=" + url])
    }

    @Test("Something that is not a URL, or would read as an option, is refused")
    func refusals() {
        #expect(throws: BrowserCommand.Refusal.self) { try BrowserCommand.argv(for: "--help", setting: nil, environment: [:]) }
        #expect(throws: BrowserCommand.Refusal.self) { try BrowserCommand.argv(for: "pas une url", setting: nil, environment: [:]) }
        #expect(throws: BrowserCommand.Refusal.self) { try BrowserCommand.argv(for: "", setting: nil, environment: [:]) }
    }

    @Test("A link full of shell metacharacters reaches the program intact and runs nothing")
    func hostileLink() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("argv")
        let script = dir.appendingPathComponent("record-argv")
        try writeExecutable("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(out.path)\"\n", to: script)
        try? FileManager.default.removeItem(atPath: "/tmp/qnread-pwned")

        try ProgramLauncher.run(try BrowserCommand.argv(for: Self.hostile, setting: [script.path], environment: [:]))
        #expect(try String(contentsOf: out, encoding: .utf8) == Self.hostile + "\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/qnread-pwned"))
    }

    @Test("A failing or missing browser is reported, not thrown away")
    func failures() {
        #expect(throws: ProgramLauncher.Failure.self) { try ProgramLauncher.run(["/bin/false"]) }
        #expect(throws: ProgramLauncher.Failure.self) { try ProgramLauncher.run(["qnread-no-such-browser"]) }
    }
}

@Suite("Inbox")
struct InboxTests {
    @Test("Messages posted from other threads arrive in order and wake a poll on the descriptor")
    func crossThread() throws {
        let inbox = Inbox()
        let done = DispatchSemaphore(value: 0)
        Thread {
            for n in 1...50 { inbox.post(.info("fil \(n)")) }
            done.signal()
        }.start()
        done.wait()
        var fds = [pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        #expect(poll(&fds, 1, 1000) == 1)
        let messages = inbox.drain()
        #expect(messages == (1...50).map { .info("fil \($0)") })
        #expect(inbox.drain().isEmpty)
        #expect(poll(&fds, 1, 0) == 0, "draining empties the pipe")
    }

    @Test("No program the reader runs inherits the wake pipe")
    func wakePipeIsNotInherited() throws {
        let inbox = Inbox()
        // readlink of a descriptor the child does not hold fails, and ProgramLauncher says so.
        #expect(throws: ProgramLauncher.Failure.self, "descriptor \(inbox.wakeDescriptor) reached the child") {
            try ProgramLauncher.run(["readlink", "-q", "/proc/self/fd/\(inbox.wakeDescriptor)"])
        }
    }
}

import ReaderCore

/// Writes a script through a descriptor closed on exec: tests run in parallel, and a child another test forks
/// while the file is open for writing would keep it "busy" (ETXTBSY) when this test runs it.
func writeExecutable(_ text: String, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    guard write(descriptor, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
}
