import Foundation
import ReaderConfig
import Testing

// Where `save` writes: save_dir, else what `xdg-user-dir DOWNLOAD` would print.

@Suite("The save directory")
struct SaveDirectoryTests {
    final class Home {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-userdirs-\(UUID().uuidString)")
        var environment: [String: String] { ["HOME": root.path, "XDG_CONFIG_HOME": root.appendingPathComponent("conf").path] }

        func writeDirsFile(_ text: String) throws {
            let file = root.appendingPathComponent("conf/user-dirs.dirs")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    @Test("user-dirs.dirs as xdg-user-dirs-update writes it: $HOME replaced, the last line wins")
    func dirsFile() throws {
        let home = Home()
        try home.writeDirsFile("""
        # This file is written by xdg-user-dirs-update
        XDG_DESKTOP_DIR="$HOME/Bureau"
        XDG_DOWNLOAD_DIR="$HOME/Downloads"
        XDG_DOWNLOAD_DIR="$HOME/Téléchargements"
        """)
        #expect(ReaderPaths.saveDirectory(setting: nil, environment: home.environment) == home.root.path + "/Téléchargements")
        try home.writeDirsFile("XDG_DOWNLOAD_DIR=\"/srv/partage/reçus\"\n")
        #expect(ReaderPaths.saveDirectory(setting: nil, environment: home.environment) == "/srv/partage/reçus")
    }

    @Test("Without the file: $XDG_DOWNLOAD_DIR, else $HOME, as xdg-user-dir falls back; a line it cannot read is skipped")
    func fallbacks() throws {
        let home = Home()
        #expect(ReaderPaths.saveDirectory(setting: nil, environment: home.environment) == home.root.path)
        var environment = home.environment
        environment["XDG_DOWNLOAD_DIR"] = "/tmp/reçus"
        #expect(ReaderPaths.saveDirectory(setting: nil, environment: environment) == "/tmp/reçus")
        try home.writeDirsFile("XDG_DOWNLOAD_DIR=\"$(rm -rf ~)\"\nXDG_DOWNLOAD_DIR=relatif\n")
        #expect(ReaderPaths.saveDirectory(setting: nil, environment: home.environment) == home.root.path, "never run")
    }

    @Test("save_dir wins; a leading ~/ is the home directory")
    func setting() {
        let home = Home()
        #expect(ReaderPaths.saveDirectory(setting: "~/Articles", environment: home.environment) == home.root.path + "/Articles")
        #expect(ReaderPaths.saveDirectory(setting: "/srv/articles", environment: home.environment) == "/srv/articles")
    }
}
