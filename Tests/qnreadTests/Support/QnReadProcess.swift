import Foundation

/// What a run of the real `qnread` binary printed and returned.
struct CommandResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `qnread` binary as a user would: real argv, real pipes, a chosen environment.
enum QnReadProcess {
    /// The binary beside the test bundle in `.build/<configuration>/`, unless `QNREAD_BINARY` names another.
    static var binaryURL: URL {
        if let override = ProcessInfo.processInfo.environment["QNREAD_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qnread")
    }

    /// Runs `qnread ARGS…`. `environment` is added to a minimal one (PATH, HOME, LANG=C.UTF-8), so the
    /// caller's own config and database are never touched unless passed in.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = binaryURL
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env["HOME"] = FileManager.default.temporaryDirectory.path
        env.merge(environment) { _, new in new }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }

        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try inPipe.fileHandleForWriting.close()

        // Drain stderr on another thread so a chatty child never blocks on a full pipe.
        let errBox = DataBox()
        let errThread = Thread { errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal() }
        errThread.start()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: out, as: UTF8.self),
                             stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
