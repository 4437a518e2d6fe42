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

/// Byte mutations from a fixed generator (not the system's), so a failure names an input that can be made
/// again: bytes overwritten, snippets inserted, runs removed.
struct SeededMutations {
    private var state: UInt64
    private let inserts: [[UInt8]]
    private let byteBound: Int
    private let mostEdits: Int

    init(seed: UInt64, inserts: [[UInt8]], byteBound: Int = 256, mostEdits: Int = 12) {
        state = seed
        self.inserts = inserts
        self.byteBound = byteBound
        self.mostEdits = mostEdits
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    mutating func mutated(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + next(mostEdits)) {
            let position = next(bytes.count)
            switch next(3) {
            case 0: if position < bytes.count { bytes[position] = UInt8(next(byteBound)) }
            case 1: bytes.insert(contentsOf: inserts[next(inserts.count)], at: position)
            default: if position < bytes.count { bytes.removeSubrange(position..<min(position + 1 + next(16), bytes.count)) }
            }
        }
        return bytes
    }
}
