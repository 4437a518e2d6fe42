import FeedStorage
import Foundation
import ReaderConfig

extension GlobalOptions {
    /// The database file: `--db`, else `$QNREAD_DB`, else `$XDG_DATA_HOME/qnread/qnread.sqlite`.
    var databasePath: String { ReaderPaths.databasePath(option: db) }

    func openStore() throws -> FeedStore {
        try FeedStore(path: databasePath, announce: { Terminal.warn($0) })
    }

    /// config.toml and its theme, as the reader loads them.
    func loadConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment) -> LoadedConfiguration {
        LoadedConfiguration(configPath: config, environment: environment)
    }
}
