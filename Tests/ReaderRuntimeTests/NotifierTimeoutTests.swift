import Foundation
import Localization
@testable import ReaderRuntime
import Testing

// A notify_command that never exits: the reload waits for it only so long, then stops it and what it started.
@Suite("notify_command's time limit")
struct NotifierTimeoutTests {
    @Test("A notifier still running after the limit is stopped, with the program it started, and said so")
    func stopsAHangingNotifier() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-notifier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The shell waits for a sleep it started, which holds the output pipe open too.
        let script = directory.appendingPathComponent("notifier")
        try Data("#!/bin/sh\nsleep 60\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let started = Date()
        let warning = NewArticlesNotice.run([script.path], summary: "3 new articles", environment: ["PATH": "/usr/bin:/bin"],
                                            catalogue: Catalogue(.en), timeout: 1)
        #expect(Date().timeIntervalSince(started) < 20, "the sleep it started would hold the reload for 60 s")
        #expect(warning == "notify_command: \(script.path) still ran after 1 s, and was stopped")
        #expect(NewArticlesNotice.run([script.path], summary: "3", environment: ["PATH": "/usr/bin:/bin"],
                                      catalogue: Catalogue(.fr), timeout: 1)
                == "notify_command: \(script.path) tournait encore après 1\u{A0}s\u{A0}; il a été arrêté")
    }

    @Test("A notifier that ends in time gives no warning")
    func quickNotifier() {
        #expect(NewArticlesNotice.run(["true"], summary: "1 new article", environment: ["PATH": "/usr/bin:/bin"],
                                      catalogue: Catalogue(.en), timeout: 5) == nil)
    }
}
