import ArgumentParser
import ReaderRuntime

// The executable: argument parsing and wiring only. Every subcommand lives in Commands/, one file each.

@main
struct QnRead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qnread",
        abstract: "A terminal newsroom reader for Québec's tech communities.",
        discussion: "With no subcommand, qnread opens the reader.",
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
        ]
    )

    @OptionGroup var global: GlobalOptions

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
