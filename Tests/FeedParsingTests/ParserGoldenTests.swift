import Foundation
import Testing
@testable import FeedParsing

// What the parser makes of every feed we have, pinned as text: the fixtures of this target, the gofeed suite in
// ../shared/conformance (when it is beside the checkout), and seeded mutations of both. Recorded from the parser
// as it was before its rewrite (issue 13), so any change of output is a visible diff of Goldens/*.txt.
// UPDATE_GOLDEN=1 rewrites them; read the diff before committing.

private enum GoldenCorpus {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let gofeed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/gofeed/testdata")
    static var hasGofeed: Bool { FileManager.default.fileExists(atPath: gofeed.path) }

    /// Every feed file of the gofeed suite, by path below testdata/, in a stable order.
    static var gofeedPaths: [String] {
        let root = gofeed.path + "/"
        let walker = FileManager.default.enumerator(atPath: gofeed.path)
        var paths: [String] = []
        while let next = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(next)
            }
        }
        return paths.sorted()
    }

    static let inserts: [[UInt8]] = [
        [0xC0], [0xE0, 0x80], [0xED, 0xA0], [0x80], [0xE9], [0xFF], Array("&#xD800;".utf8), Array("&#0;".utf8),
        Array("<![CDATA[".utf8), Array("]]>".utf8), Array("&eacute".utf8), Array("<!--".utf8), Array("Q&A".utf8),
        Array("x < y".utf8), Array("</item>".utf8), Array("<item>".utf8), Array("<title>".utf8), Array("\u{1B}[31m".utf8),
    ]

    /// A seed that depends only on the path's bytes (Swift's Hasher is seeded per process).
    static func seed(_ path: String) -> UInt64 {
        path.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    /// What `qnread parse --json` prints for `bytes`, or the one line it prints on failure.
    static func outcome(_ bytes: Data, url: URL) -> String {
        do {
            return try FeedParser().parse(bytes, url: url).jsonText()
        } catch let error as FeedParseError {
            return "error: \(error.reason)"
        } catch {
            return "error: \(error)"
        }
    }

    /// Each input's outcome under a `== name` line, then its mutations' under `== name ~N`.
    static func render(_ inputs: [(name: String, bytes: Data, url: URL)], mutations: Int) -> String {
        var text = ""
        for input in inputs {
            text += "== \(input.name)\n\(outcome(input.bytes, url: input.url))\n"
            var mutator = SeededMutations(seed: seed(input.name), inserts: inserts)
            for round in 0..<mutations {
                let bytes = Data(mutator.mutated([UInt8](input.bytes)))
                saveInput(bytes, name: "\(input.name) ~\(round)")
                text += "== \(input.name) ~\(round)\n\(outcome(bytes, url: input.url))\n"
            }
        }
        return text
    }

    /// GOLDEN_INPUTS=DIR writes each mutated input there, to run `qnread parse` on one.
    static func saveInput(_ bytes: Data, name: String) {
        guard let directory = ProcessInfo.processInfo.environment["GOLDEN_INPUTS"] else { return }
        let file = URL(fileURLWithPath: directory).appendingPathComponent(name.replacingOccurrences(of: "/", with: "_"))
        try? bytes.write(to: file)
    }

    static func check(_ name: String, _ actual: String) throws {
        let file = goldens.appendingPathComponent(name)
        if Fixtures.updatingGolden {
            try FileManager.default.createDirectory(at: goldens, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard actual != expected else { return }
        // Name the first entry that differs rather than dumping two whole files.
        let actualEntries = actual.components(separatedBy: "\n== ")
        let expectedEntries = expected.components(separatedBy: "\n== ")
        let first = zip(actualEntries, expectedEntries).first { $0 != $1 }
        Issue.record("""
            \(name) differs (\(actualEntries.count) entries, \(expectedEntries.count) expected); first difference:
            --- expected
            \(first?.1 ?? "(none)")
            --- actual
            \(first?.0 ?? "(none)")
            """)
    }
}

@Test("The fixture feeds and their seeded mutations parse as pinned in Goldens/fixtures.txt")
func fixtureFeedsMatchGoldens() throws {
    let inputs = try Fixtures.feedPaths.map { path in
        (name: path, bytes: try Fixtures.data(path), url: Fixtures.fetchURL(path))
    }
    try GoldenCorpus.check("fixtures.txt", GoldenCorpus.render(inputs, mutations: 6))
}

@Test("The gofeed suite and its seeded mutations parse as pinned in Goldens/gofeed.txt",
      .enabled(if: GoldenCorpus.hasGofeed, "needs ../shared/conformance beside the checkout"))
func gofeedSuiteMatchesGoldens() throws {
    let inputs = try GoldenCorpus.gofeedPaths.map { path in
        (name: path, bytes: try Data(contentsOf: GoldenCorpus.gofeed.appendingPathComponent(path)),
         url: URL(string: "https://exemple.qc.ca/gofeed/\(path)")!)
    }
    try GoldenCorpus.check("gofeed.txt", GoldenCorpus.render(inputs, mutations: 2))
}
