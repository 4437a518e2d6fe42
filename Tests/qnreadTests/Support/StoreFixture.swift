import FeedModel
import FeedParsing
import FeedStorage
import Foundation

/// A temporary directory holding a real database, filled through FeedStorage, for the binary to read.
final class StoreFixture {
    let directory: URL
    let dbPath: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qnread-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        dbPath = directory.appendingPathComponent("qnread.sqlite").path
    }

    func openStore() throws -> FeedStore { try FeedStore(path: dbPath) }

    /// Runs `qnread ARGS… --db THIS`.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try QnReadProcess.run(arguments + ["--db", dbPath], environment: environment)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static let now = Date(timeIntervalSince1970: 1_764_590_400) // 2025-12-01T12:00:00Z

    /// Two articles of « Québec numérique », the newest with an entity-encoded body.
    @discardableResult
    func addQuebecNumerique() throws -> FeedID {
        let store = try openStore()
        let feed = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        try store.apply(ParsedFeed(format: .rss20, title: "Québec numérique", items: [
            ParsedItem(id: "qn-2", title: "L’École 42 ouvre à Québec", link: "https://quebecnumerique.example/42",
                       published: Self.now.addingTimeInterval(-3_600),
                       content: "<p>L’&Eacute;cole accueillera 150 étudiants à Qu&eacute;bec.</p>"),
            ParsedItem(id: "qn-1", title: "Transformation numérique des PME", link: "https://quebecnumerique.example/pme",
                       published: Self.now.addingTimeInterval(-86_400),
                       content: "<p>Un programme d’aide à la numérisation.</p>"),
        ]), to: feed.id, now: Self.now)
        return feed.id
    }
}
