import ArgumentTables
import Foundation
import Localization
import ReaderConfig

enum ConfigCommand {
    static let table = CommandTable(
        "config",
        abstract: N_("Work with config.toml."),
        subcommands: [ConfigCheckCommand.table])
}

struct ConfigCheckCommand {
    static let table = CommandTable(
        "check",
        abstract: N_("Check config.toml and its theme; print each problem as FILE:LINE: reason, exit 1 if any."),
        rows: GlobalOptions.rows,
        run: { try ConfigCheckCommand($0).run() })

    var global: GlobalOptions

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
    }

    func run() throws {
        let loaded = global.loadConfiguration()
        for error in loaded.errors {
            FileHandle.standardError.write(Data((error.description(in: ToolLanguage.catalogue) + "\n").utf8))
        }
        guard loaded.errors.isEmpty else { throw ExitCode(1) }
        let exists = FileManager.default.fileExists(atPath: loaded.file.path)
        print(exists ? tr("%s: OK (theme %s)", loaded.file.path, loaded.theme.name)
                     : tr("%s: no such file; the defaults apply", loaded.file.path))
    }
}
