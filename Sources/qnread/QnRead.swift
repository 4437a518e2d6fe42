import ArgumentParser

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
            ImportFileCommand.self,
            ArticlesCommand.self,
            SearchCommand.self,
            MarkCommand.self,
            StatsCommand.self,
            CleanupCommand.self,
            BenchStoreCommand.self,
            ShowCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw ValidationError("the reader screen is not built yet; see `qnread --help`")
    }
}
