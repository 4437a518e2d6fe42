import Foundation

/// What a run of `qnread-tool` printed, and the most memory it held.
struct MeasuredRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Peak resident memory of `qnread-tool`, in bytes.
    var peakMemory: Int
}

/// Runs the built `qnread-tool` (beside the test bundle) and measures its peak memory. Not from this process:
/// a child started here shares or copies this test process's memory until it execs, and Linux counts that in
/// the child's ru_maxrss. python3 starts it instead and reads RUSAGE_CHILDREN, which then holds `qnread-tool`'s
/// own peak (or python's 10 MB, far below it). Output goes through files, so a chatty child never blocks; the
/// wait is asynchronous, so the seconds a reload takes hold no thread of the pool that runs the other tests.
enum MeasuredProcess {
    static var toolPath: String {
        QnReadProcess.binaryURL.deletingLastPathComponent().appendingPathComponent("qnread-tool").path
    }

    private static let script = """
        import resource, subprocess, sys
        status = subprocess.run(sys.argv[2:]).returncode
        with open(sys.argv[1], "w") as out:
            out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
        sys.exit(status)
        """

    /// `environment` is added to a minimal one (PATH, LANG=C.UTF-8), as QnReadProcess does.
    static func run(_ arguments: [String], environment: [String: String]) async throws -> MeasuredRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["stdout", "stderr", "maxrss"].map { folder.appendingPathComponent($0) }
        for file in files { FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, files[2].path, toolPath] + arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: files[0])
        process.standardError = try FileHandle(forWritingTo: files[1])
        try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Void, Error>) in
            process.terminationHandler = { _ in finished.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                finished.resume(throwing: error)
            }
        }
        func text(_ file: URL) -> String { String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self) }
        // ru_maxrss is in KiB on Linux.
        return MeasuredRun(status: process.terminationStatus, stdout: text(files[0]), stderr: text(files[1]),
                           peakMemory: (Int(text(files[2])) ?? 0) * 1024)
    }
}
