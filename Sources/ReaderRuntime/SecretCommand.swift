import Foundation
import Localization

/// Runs a command that prints a secret (`password_command = ["pass", "show", "ttrss"]`): argv looked up on PATH,
/// never a shell; its standard error stays the terminal's (gpg may explain itself there); the first line of its
/// output is the secret. Nothing of the output ever appears in an error.
public enum SecretCommand {
    public typealias Failure = WordedFailure

    public static func firstLine(of argv: [String],
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let program = argv.first else { throw Failure(N_("password_command names no program")) }
        var first: String?
        let status: Int32
        do {
            status = try ChildProcess.run(argv, environment: environment, keepsErrors: true) { line in
                if first == nil { first = String(line.hasSuffix("\r") ? line.dropLast() : line) }
            }
        } catch {
            throw Failure(N_("password_command: %s"), "\(error)")
        }
        if let problem = ChildProcess.failure(of: program, status: status) {
            throw Failure(N_("password_command %s"), "\(problem)")
        }
        guard let first, !first.isEmpty else { throw Failure(N_("password_command %s printed no password"), program) }
        return first
    }
}
