import FeedStorage
import Foundation
import ReaderConfig

extension GlobalOptions {
    /// The database file: `--db`, else `$QNREAD_DB`, else `$XDG_DATA_HOME/qnread/qnread.sqlite`.
    var databasePath: String { ReaderPaths.databasePath(option: db, environment: ToolEnvironment.variables) }

    /// config.toml: `--config`, else `$XDG_CONFIG_HOME/qnread/config.toml`.
    var configFile: URL { ReaderPaths.configFile(option: config, environment: ToolEnvironment.variables) }

    /// Opens the store and hands it config.toml's killfile, so every command stores, lists, counts and searches
    /// as the reader does (one read when the store already has that killfile). `usingKillfile: false` leaves the
    /// store's own: the reader's background reload, whose reader handed it over at start (maybe from `--config`).
    /// `loaded`: config.toml when the command has read it already, so it is not read again.
    func openStore(usingKillfile: Bool = true, loaded: ReaderConfiguration? = nil) throws -> FeedStore {
        let store = try FeedStore(path: databasePath, announce: { Terminal.warn($0.text(in: ToolLanguage.catalogue)) })
        if usingKillfile {
            try store.useKillfile((loaded ?? ToolConfiguration.load(from: configFile)).killfile)
        }
        return store
    }

    /// config.toml and its theme, as the reader loads them.
    func loadConfiguration(environment: [String: String] = ToolEnvironment.variables) -> LoadedConfiguration {
        LoadedConfiguration(configPath: config, environment: environment)
    }
}
