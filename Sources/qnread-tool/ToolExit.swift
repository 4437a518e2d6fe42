/// A command line that parsed but that a command refuses (an option without the one it needs, a value out of
/// range): said as a usage error, with the command's usage, exit status 64.
struct UsageError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Ends the command with this exit status and nothing more said: what went wrong was said already.
struct ExitCode: Error {
    var status: Int32

    init(_ status: Int32) {
        self.status = status
    }

    static let failure = ExitCode(1)
    /// sysexits.h's EX_USAGE, the status of a usage error.
    static let usage = ExitCode(64)
}
