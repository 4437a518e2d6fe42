import FeedStorage
import Foundation
import ReaderConfig

extension GlobalOptions {
    /// The database file: `--db`, else `$QNREAD_DB`, else `$XDG_DATA_HOME/qnread/qnread.sqlite`.
    var databasePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let db, !db.isEmpty { return db }
        if let path = environment["QNREAD_DB"], !path.isEmpty { return path }
        return ReaderPaths(environment: environment).databaseFile.path
    }

    func openStore() throws -> FeedStore {
        try FeedStore(path: databasePath)
    }
}
