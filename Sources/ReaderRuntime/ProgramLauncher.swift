import Foundation
import Glibc
import Localization

/// Runs a program with the given argv (looked up on PATH, no shell) on the reader's terminal and waits for it.
public enum ProgramLauncher {
    public typealias Failure = WordedFailure

    /// `input`, when given, is the program's standard input: a file already deleted, not a pipe, so a pager that
    /// quits before reading it all stops nothing and a long article never blocks the reader.
    public static func run(_ argv: [String], input: String? = nil) throws {
        guard let program = argv.first else { throw Failure(N_("no program to run")) }
        let inputFile = try input.map(deletedFile(holding:))
        defer { if let inputFile { close(inputFile) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let inputFile { posix_spawn_file_actions_adddup2(&actions, inputFile, 0) }
        var pid: pid_t = 0
        let status = withCStringArray(argv) { posix_spawnp(&pid, program, &actions, nil, $0, environ) }
        guard status == 0 else {
            throw Failure(N_("cannot run %s: %s"), program, String(cString: strerror(status)))
        }
        if let problem = ChildProcess.failure(of: program, status: ChildProcess.waitForExit(pid)) {
            throw Failure(problem.messageID, arguments: problem.arguments)
        }
    }

    /// A descriptor, at offset 0, of a temporary file holding `text` and already unlinked: nothing is left behind.
    private static func deletedFile(holding text: String) throws -> Int32 {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/qnread-pipe-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw Failure(N_("cannot make a temporary file in %s: %s"), directory, String(cString: strerror(errno)))
        }
        // Only the program started now gets it, as its standard input; no later child inherits it.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        do {
            try FileDescriptorWriting.writeAll(Array(text.utf8), to: fd)
        } catch {
            close(fd)
            throw Failure(N_("cannot write a temporary file in %s: %s"), directory, "\(error)")
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }
}
