import Foundation
import Testing
@testable import FeedParsing

// Every fixture feed goes through the real parser (real libxml2) and must give the JSON model written next to
// it. UPDATE_GOLDEN=1 rewrites the expected files in the source tree; read the diff before committing.

@Test("Each fixture feed parses to the JSON written next to it", arguments: Fixtures.feedPaths)
func fixtureFeedMatchesExpectedJSON(_ path: String) throws {
    let feed = try FeedParser().parse(try Fixtures.data(path), url: Fixtures.fetchURL(path))
    let actual = feed.jsonText() + "\n"
    let expectedPath = Fixtures.expectedPath(for: path)
    if Fixtures.updatingGolden {
        try actual.write(to: Fixtures.source.appendingPathComponent(expectedPath), atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: Fixtures.bundled.appendingPathComponent(expectedPath), encoding: .utf8)
    #expect(actual == expected, "\(path) differs from \(expectedPath)")
}

@Test("Every format, namespace, encoding and recovery folder has fixtures")
func fixtureFoldersAreNotEmpty() {
    let paths = Fixtures.feedPaths
    for folder in Fixtures.feedFolders {
        #expect(paths.contains { $0.hasPrefix(folder + "/") }, "no fixture in \(folder)/")
    }
}
