import Foundation

/// The fixture feeds of this target: bundled copies to read, source paths to rewrite with UPDATE_GOLDEN=1.
enum Fixtures {
    /// The folders whose feeds are checked against `NAME.expected.json` (dates/ and opml/ have their own tests).
    static let feedFolders = ["formats", "namespaces", "encodings", "recovery"]

    static var bundled: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// "formats/rss-2.0.xml", … in a stable order.
    static var feedPaths: [String] {
        feedFolders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: bundled.appendingPathComponent(folder).path)) ?? []
            return names.filter { !$0.hasSuffix(".expected.json") && ($0.hasSuffix(".xml") || $0.hasSuffix(".json")) }
                .sorted().map { "\(folder)/\($0)" }
        }
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: bundled.appendingPathComponent(path))
    }

    static func expectedPath(for path: String) -> String {
        let base = path.hasSuffix(".json") ? String(path.dropLast(5)) : String(path.dropLast(4))
        return base + ".expected.json"
    }

    /// The URL fixtures pretend to come from, so relative links have a fetch URL to fall back on.
    static func fetchURL(_ path: String) -> URL {
        URL(string: "https://exemple.qc.ca/fixtures/\(path)")!
    }

    static var updatingGolden: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }
}
