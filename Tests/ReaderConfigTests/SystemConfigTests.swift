import FeedList
import Foundation
import ReaderConfig
import Testing

@Suite("The admin's config.toml")
struct SystemConfigTests {
    static func load(_ text: String) throws -> (SystemConfig, path: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-system-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        return (SystemConfig.load(file), file.path)
    }

    @Test("feeds_url names the remote list")
    func feedsURL() throws {
        let (config, _) = try Self.load("# liste du Cégep\nfeeds_url = \"https://intranet.example/feeds.opml\"\n")
        #expect(config == SystemConfig(feedsURL: "https://intranet.example/feeds.opml"))
    }

    @Test("A missing file is an empty config, with no problem")
    func missing() {
        #expect(SystemConfig.load(URL(fileURLWithPath: "/nonexistent/qnread/config.toml")) == SystemConfig())
    }

    @Test("A feeds_url that is no string, or no URL a feeds list may name, is reported with its file and line")
    func problems() throws {
        let (notString, path) = try Self.load("\nfeeds_url = 42\n")
        #expect(notString.feedsURL == nil)
        #expect(notString.problems.map(\.description) == [path + ":2: feeds_url must be a string"])
        let (command, commandPath) = try Self.load("feeds_url = \"exec:liste.sh\"\n")
        #expect(command.feedsURL == nil)
        #expect(command.problems.map(\.description) == [
            commandPath + ":1: “exec:” feeds run commands, which qnread never does; skipped",
        ])
    }
}
