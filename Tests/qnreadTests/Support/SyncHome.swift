import FeedStorage
import Foundation

/// A reader's home set up to sync with an account of the test server: XDG folders of its own, the password in a
/// file only its owner reads (`password_command = ["cat", FILE]`, so it never appears in an argument list), a
/// database, and the real `qnread` binary to run in it.
final class SyncHome {
    let root: URL
    let account: TTRSSAccount
    var config: URL { root.appendingPathComponent("config/qnread/config.toml") }
    var database: String { root.appendingPathComponent("data/qnread.sqlite").path }
    var passwordFile: URL { root.appendingPathComponent("secret") }
    var serverCache: URL { root.appendingPathComponent("cache/qnread/server-feeds") }

    init(_ account: TTRSSAccount, url: String? = nil) throws {
        self.account = account
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-sync-\(UUID().uuidString)")
        for folder in ["config/qnread", "data", "cache", "etc"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        FileManager.default.createFile(atPath: passwordFile.path, contents: Data((account.password + "\n").utf8),
                                       attributes: [.posixPermissions: 0o600])
        try writeConfig(url: url ?? account.server.url)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// `[sync]` pointing at `url` (another address plays a server that is down or not Tiny Tiny RSS).
    func writeConfig(url: String, user: String? = nil, extra: String = "") throws {
        let text = """
            [sync]
            service = "ttrss"
            url = "\(url)"
            user = "\(user ?? account.login)"
            password_command = ["cat", "\(passwordFile.path)"]
            \(extra)
            """
        try text.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
    }

    var environment: [String: String] {
        ["HOME": root.path, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
         "XDG_DATA_HOME": root.appendingPathComponent("data").path, "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
         "QNREAD_DB": database, "QNREAD_SYSTEM_FEEDS": root.appendingPathComponent("etc/feeds").path,
         "QNREAD_SYSTEM_CONFIG": root.appendingPathComponent("etc/config.toml").path]
    }

    /// Runs `qnread ARGS…` here.
    @discardableResult
    func run(_ arguments: [String]) async throws -> CommandResult {
        let environment = environment
        return try await offPool { try QnReadProcess.run(arguments, environment: environment) }
    }

    /// `qnread sync --json`: the summary, or a failure with the command's output.
    func sync() async throws -> SyncSummary {
        let result = try await run(["sync", "--json"])
        guard result.status == 0 else { throw TTRSSError("qnread sync failed (\(result.status)): \(result.stderr)") }
        return try JSONDecoder().decode(SyncSummary.self, from: Data(result.stdout.utf8))
    }

    func openStore() throws -> FeedStore { try FeedStore(path: database) }

    /// Stored articles by title: (read, starred), through the store's own reading API.
    func storedArticles() throws -> [String: (read: Bool, starred: Bool)] {
        var all: [String: (read: Bool, starred: Bool)] = [:]
        for article in try openStore().articles(.all, limit: 100_000) { all[article.title] = (article.isRead, article.isStarred) }
        return all
    }
}

/// `qnread sync --json`.
struct SyncSummary: Decodable {
    var newArticles: Int
    var marksSent: Int
    var marksReceived: Int
    var feedsAdded: Int
    var feedsRemoved: Int
    var subscriptionChangesSent: Int
    var marksWaiting: Int
    var requests: Int
}
