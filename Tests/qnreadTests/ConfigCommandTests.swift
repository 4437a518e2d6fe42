import Foundation
import Testing

@Suite("qnread config check and qnread keys")
struct ConfigCommandTests {
    /// A temporary XDG config home holding `text` as qnread/config.toml.
    static func configHome(_ text: String?) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("qnread"), withIntermediateDirectories: true)
        if let text { try text.write(to: home.appendingPathComponent("qnread/config.toml"), atomically: true, encoding: .utf8) }
        return home
    }

    @Test("config check exits 1 and prints each problem as config.toml:LINE: reason")
    func brokenConfig() throws {
        let home = try Self.configHome("""
        theme = "inexistant"
        show_read = "oui"
        [keys.article]
        "j" = "sauter"
        """)
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try QnReadProcess.run(["config", "check"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "config.toml:2: show_read must be true or false")
        #expect(lines[1] == "config.toml:4: unknown action \"sauter\" for \"j\"")
        #expect(lines[2].hasPrefix("config.toml: no theme named \"inexistant\""))
    }

    @Test("config check accepts a good file, and --config names another one")
    func goodConfig() throws {
        let home = try Self.configHome(nil)
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("autre.toml")
        try "theme = \"monochrome\"\n[keys.global]\n\"C-r\" = \"reload-all\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try QnReadProcess.run(["config", "check", "--config", file.path], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(file.path): OK (theme monochrome)\n")
        let missing = try QnReadProcess.run(["config", "check"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(missing.status == 0)
        #expect(missing.stdout.hasSuffix("no such file; the defaults apply\n"))
    }

    @Test("keys prints the bindings in effect per screen, config included")
    func keys() throws {
        let home = try Self.configHome("""
        [keys.articles]
        "x" = ["toggle-read", "down"]
        "n" = "none"
        [macros]
        "v" = ["open-in-browser", "toggle-read"]
        """)
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try QnReadProcess.run(["keys"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0)
        let blocks = result.stdout.components(separatedBy: "\n\n")
        #expect(blocks.map { $0.split(separator: "\n")[0] } == [
            "[feeds] Feed list", "[articles] Article list", "[article] Article", "[search] Search results", "[help] Help",
            "[tags] Tags", "[enclosures] Enclosures", "[macros] Macros, on every screen",
        ])
        #expect(blocks[7].contains("  , v"))
        #expect(blocks[7].contains("open-in-browser, toggle-read"))
        #expect(blocks[1].contains("  x           toggle-read, down Toggle read/unread, then Move down one line"))
        #expect(!blocks[1].contains("next-unread"))
        #expect(blocks[2].contains("  n           next-unread"))
    }
}
