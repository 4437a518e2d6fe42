import Glibc

/// Runs a program with the given argv (looked up on PATH, no shell) and waits for it.
public enum ProgramLauncher {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func run(_ argv: [String]) throws {
        guard let program = argv.first else { throw Failure(description: "no program to run") }
        var pid: pid_t = 0
        let status = withCStringArray(argv) { posix_spawnp(&pid, program, nil, nil, $0, environ) }
        guard status == 0 else {
            throw Failure(description: "cannot run \(program): \(String(cString: strerror(status)))")
        }
        let code = ChildProcess.waitForExit(pid)
        if code > 128 { throw Failure(description: "\(program) was killed by signal \(code - 128)") }
        if code != 0 { throw Failure(description: "\(program) exited with status \(code)") }
    }
}
