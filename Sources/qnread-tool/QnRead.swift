import ArgumentTables
import Foundation
import Localization
import ReaderRuntime
import TextSafety

// The executable: the command tables and the wiring. Every subcommand lives in Commands/, one file each, its
// table beside its `run`; ArgumentTables reads the command line against them.

@main
enum QnReadTool {
    static func main() {
        let catalogue = ToolLanguage.catalogue
        // Only help and usage errors need it (and the terminal's width): a command that runs never asks.
        var help: HelpText { HelpText(catalogue: catalogue, width: TerminalSize.stdoutIsTerminal ? TerminalSize.columns() : 80) }
        switch CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()), root: QnRead.table) {
        case .run(let path, let values):
            do {
                try path[path.count - 1].run?(values)
            } catch let error as UsageError {
                exitWithUsage(error.message, path, help)
            } catch let code as ExitCode {
                exit(code.status)
            } catch {
                QnRead.exitSaying(error)
            }
        case .help(let path):
            print(help.help(path))
        case .version:
            print(QnReadVersion.string)
        case .completionScript(let shell):
            let name = shell ?? ToolEnvironment.variables["SHELL"].map { URL(fileURLWithPath: $0).lastPathComponent }
            guard let name, let script = CompletionScript.script(for: name, QnRead.table, catalogue: catalogue) else {
                let choices = CompletionScript.shells.joined(separator: " ")
                exitWithUsage(shell.map { tr("no completion script for the shell '%s' (only %s)", $0, choices) }
                              ?? tr("which shell? --generate-completion-script %s", choices), [QnRead.table], help)
            }
            print(script, terminator: "")
        case .helpDump:
            do {
                print(try HelpDump.json(QnRead.table, catalogue: catalogue))
            } catch {
                QnRead.exitSaying(error)
            }
        case .usageError(let words, let path):
            exitWithUsage(words.text(in: catalogue), path, help)
        }
    }

    /// `Error: …`, the command's usage and where to read more on stderr; exit status 64 (EX_USAGE).
    static func exitWithUsage(_ message: String, _ path: [CommandTable], _ help: HelpText) -> Never {
        FileHandle.standardError.write(Data(help.usageError(SafeText.line(message), path).utf8))
        exit(ExitCode.usage.status)
    }
}

enum QnRead {
    static let table = CommandTable(
        "qnread",
        abstract: N_("A terminal newsroom reader for Québec's tech communities."),
        discussion: N_("With no subcommand, qnread opens the reader."),
        rows: GlobalOptions.rows,
        subcommands: [
            ParseCommand.table,
            FeedsCommand.table,
            ReloadCommand.table,
            SyncCommand.table,
            ConfigCommand.table,
            KeysCommand.table,
            ImportFileCommand.table,
            ArticlesCommand.table,
            SearchCommand.table,
            MarkCommand.table,
            StatsCommand.table,
            CleanupCommand.table,
            BenchStoreCommand.table,
            ManualDataCommand.table,
            ShowCommand.table,
            EnclosuresCommand.table,
            DownloadCommand.table,
        ],
        version: QnReadVersion.string,
        run: { try openReader(GlobalOptions($0)) })

    /// An error at run time: `Error: …` on stderr in the interface's language, exit status 1. An error qnread
    /// worded (a store's, a search's, a sync's) is said in that language too.
    static func exitSaying(_ error: Error) -> Never {
        let catalogue = ToolLanguage.catalogue
        let text = catalogue.language == .en ? String(describing: error) : catalogue.text(of: error)
        FileHandle.standardError.write(Data((tr("Error: %s", text) + "\n").utf8))
        exit(ExitCode.failure.status)
    }

    /// No subcommand: the reader, which is the `qnread` program beside this one. The options are passed on as
    /// `--db=PATH`, a form `qnread` always opens the reader with (so the two never hand a command line back and forth).
    static func openReader(_ global: GlobalOptions) throws {
        var arguments = [SiblingProgram.reader]
        if let db = global.db, !db.isEmpty { arguments.append("--db=\(db)") }
        if let config = global.config, !config.isEmpty { arguments.append("--config=\(config)") }
        Terminal.warn(SiblingProgram.exec(SiblingProgram.reader, arguments: arguments))
        throw ExitCode(127)
    }
}
