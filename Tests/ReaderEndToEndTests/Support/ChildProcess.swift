import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Starts a program with posix_spawn and reaps it with waitpid. Foundation's Process is not used: a test
// thread has most signals blocked, and a child started from it (the tmux client, then the server it forks)
// inherited that mask — the server then ignored SIGTERM and SIGWINCH never reached the reader, and the client
// was left a zombie that waitUntilExit never saw. Here the child gets an empty mask, default signal
// dispositions, no inherited descriptors, stdin from /dev/null and stdout/stderr into `output`.

enum ChildProcess {
    /// Runs `argv` (absolute path first) to completion and returns its exit status (128+N if killed by signal N).
    static func run(_ argv: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // addclosefrom_np is not imported into Swift: close what is open now (glibc ignores an fd closed since).
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard spawned == 0 else { throw TmuxError(description: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TmuxError(description: "waitpid \(argv[0]): \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
