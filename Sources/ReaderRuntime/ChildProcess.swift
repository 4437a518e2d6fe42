import Glibc
import Localization

/// Runs a program (argv as given, looked up on PATH, never through a shell) with its standard output and error on one pipe, calls
/// `line` for every line it prints, and returns its exit status once it is done. Standard input is /dev/null.
/// With `keepsErrors`, its standard error stays this process's own and only its output is read.
enum ChildProcess {
    typealias Failure = WordedFailure

    /// `tracking` hears the child's process id once it runs, and nil before it is reaped (after which the id may
    /// name another process): a signal sent in between reaches this child and no other.
    /// With `ownGroup`, the child leads a process group of its own (never for a program that reads the terminal), so
    /// a signal to the group (`kill(-pid, …)`) reaches what it started too.
    static func run(_ argv: [String], environment: [String: String], keepsErrors: Bool = false, ownGroup: Bool = false,
                    tracking: (pid_t?) -> Void = { _ in }, line: (Substring) -> Void) throws -> Int32 {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(N_("cannot make a pipe: %s"), String(cString: strerror(errno))) }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Neither end leaks into the child beyond its stdout and stderr, nor into any later child of the reader.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        if !keepsErrors { posix_spawn_file_actions_adddup2(&actions, writeEnd, 2) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if ownGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        var pid: pid_t = 0
        let spawned = withCStringArray(argv) { cArgs in
            withCStringArray(environment.map { "\($0.key)=\($0.value)" }) { cEnv in
                posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
            }
        }
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw Failure(N_("cannot run %s: %s"), argv[0], String(cString: strerror(spawned)))
        }
        tracking(pid)

        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                line(Substring(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { line(Substring(decoding: pending, as: UTF8.self)) }
        close(readEnd)
        tracking(nil)
        return waitForExit(pid)
    }

    /// Waits for `pid` and returns its exit status, or 128+N when signal N ended it.
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros: decode the wait status by hand.
        let signal = status & 0x7F
        return signal != 0 ? 128 + signal : (status >> 8) & 0xFF
    }

    /// How `program` ended, for a one-line error: nil when it succeeded (`status` as `waitForExit` gives it).
    static func failure(of program: String, status: Int32) -> Failure? {
        if status > 128 { return Failure(N_("%s was killed by signal %s"), program, String(status - 128)) }
        return status == 0 ? nil : Failure(N_("%s exited with status %s"), program, String(status))
    }
}
