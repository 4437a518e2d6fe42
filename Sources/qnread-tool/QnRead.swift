import ArgumentParser
import Foundation
import Localization
import ReaderRuntime

// The executable: argument parsing and wiring only. Every subcommand lives in Commands/, one file each.

/// A command line that names a subcommand first (nearly all of them: `qnread show …`, `qnread reload`) is parsed
/// by that subcommand as a root of its own. ArgumentParser's `parseAsRoot` first tries every command line as a
/// request for a completion script, which took 8 M of the 11 M instructions parsing cost at each start; it skips
/// that probe for a command that names a super-command, so each top-level subcommand names `qnread` as its own
/// (`_superCommandName`), which also keeps its usage and help reading "qnread show". Anything else, options first,
/// `--help`, `help show` or `--generate-completion-script`, goes through the whole tree as before; so does a
/// command line the subcommand refuses, so that the error and its "See 'qnread show --help'" read as always.
@main
enum QnReadTool {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, let command = QnRead.subcommand(named: first),
              var parsed = try? command.parseAsRoot(Array(arguments.dropFirst()))
        else {
            do {
                var root = try QnRead.parseAsRoot(arguments)
                try root.run()
            } catch {
                QnRead.exitSaying(error)
            }
            return
        }
        do {
            try parsed.run()
        } catch {
            QnRead.exitSaying(error)
        }
    }
}

struct QnRead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qnread",
        abstract: tr("A terminal newsroom reader for Québec's tech communities."),
        discussion: tr("With no subcommand, qnread opens the reader."),
        version: QnReadVersion.string,
        subcommands: [
            ParseCommand.self,
            FeedsCommand.self,
            ReloadCommand.self,
            SyncCommand.self,
            ConfigCommand.self,
            KeysCommand.self,
            ImportFileCommand.self,
            ArticlesCommand.self,
            SearchCommand.self,
            MarkCommand.self,
            StatsCommand.self,
            CleanupCommand.self,
            BenchStoreCommand.self,
            ManualDataCommand.self,
            ShowCommand.self,
            EnclosuresCommand.self,
            DownloadCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// ArgumentParser's `exit(withError:)`, with its `Error:` prefix in the interface's language (its own messages
    /// of usage stay its own, in English).
    static func exitSaying(_ error: Error) -> Never {
        // An error qnread worded (a store's, a search's, a sync's) is said in the interface's language.
        if ToolLanguage.catalogue.language != .en, error is any MessageArgument {
            FileHandle.standardError.write(Data((tr("Error: %s", ToolLanguage.catalogue.text(of: error)) + "\n").utf8))
            Foundation.exit(ExitCode.failure.rawValue)
        }
        let message = fullMessage(for: error)
        let code = exitCode(for: error)
        guard ToolLanguage.catalogue.language != .en, !code.isSuccess, message.hasPrefix("Error: ") else { exit(withError: error) }
        FileHandle.standardError.write(Data((tr("Error: %s", String(message.dropFirst("Error: ".count))) + "\n").utf8))
        Foundation.exit(code.rawValue)
    }

    /// The top-level subcommand called `name` (or one of its aliases).
    static func subcommand(named name: String) -> ParsableCommand.Type? {
        configuration.subcommands.first { command in
            command.configuration.commandName == name || command.configuration.aliases.contains(name)
        }
    }

    /// No subcommand: the reader, which is the `qnread` program beside this one. The options are passed on as
    /// `--db=PATH`, a form `qnread` always opens the reader with (so the two never hand a command line back and forth).
    func run() throws {
        var arguments = [SiblingProgram.reader]
        if let db = global.db, !db.isEmpty { arguments.append("--db=\(db)") }
        if let config = global.config, !config.isEmpty { arguments.append("--config=\(config)") }
        Terminal.warn(SiblingProgram.exec(SiblingProgram.reader, arguments: arguments))
        throw ExitCode(127)
    }
}
