import ArgumentParser
import Foundation
import ReaderConfig

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        _superCommandName: "qnread",
        abstract: tr("Work with config.toml."),
        subcommands: [ConfigCheckCommand.self]
    )
}

struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: tr("Check config.toml and its theme; print each problem as FILE:LINE: reason, exit 1 if any.")
    )

    @OptionGroup var global: GlobalOptions

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
