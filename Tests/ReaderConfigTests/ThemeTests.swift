import Foundation
import ReaderConfig
import ReaderCore
import ScreenKit
import Testing

@Suite("Themes")
struct ThemeTests {
    /// The checkout's themes/ directory, found from this source file.
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    @Test("Every shipped theme reads without an error and sets every role")
    func shippedThemes() {
        let catalog = ThemeCatalog(directories: [Self.shipped])
        #expect(catalog.names == ["default", "high-contrast", "light", "monochrome", "solarized-dark"])
        for name in catalog.names {
            let file = Self.shipped.appendingPathComponent(name + ".toml")
            let text = try! String(contentsOf: file, encoding: .utf8)
            let (theme, errors) = ThemeFile.parse(text, name: name, fileName: name + ".toml")
            #expect(errors == [], "\(name)")
            for role in ThemeRole.allCases {
                #expect(text.contains("[\(role.rawValue)]"), "\(name) sets \(role)")
            }
            #expect(theme.name == name)
        }
    }

    @Test("themes/default.toml is the built-in default")
    func defaultMatchesBuiltIn() {
        let (theme, _) = ThemeCatalog(directories: [Self.shipped]).theme(named: "default")
        #expect(theme == Theme.builtIn)
    }

    @Test("Colours and attributes are read per role; mistakes name the file and line")
    func parsing() {
        let (theme, errors) = ThemeFile.parse("""
        [title]
        fg = "#fdf6e3"
        bg = "color24"
        attributes = ["bold", "clignotant"]
        [selected]
        fg = "pourpre"
        [soulignement]
        fg = "red"
        """, name: "essai", fileName: "essai.toml")
        #expect(theme.style(.title) == Style(foreground: .rgb(0xfd, 0xf6, 0xe3), background: .indexed(24), attributes: .bold))
        #expect(errors.map(\.description).sorted() == [
            "essai.toml:4: \"clignotant\" is not an attribute (use bold, dim, underline, reverse, italic)",
            "essai.toml:6: \"pourpre\" is not a colour (use black…white, color0–color255 or #rrggbb)",
            "essai.toml:7: unknown role \"soulignement\" (use normal, title, status, selected, unread, read, starred, error, heading, link, quote, code, match, dim)",
        ])
    }

    @Test("The user's themes come before the shipped ones; an unknown name falls back to the built-in default")
    func lookupOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[title]\nfg = \"red\"\n".write(to: dir.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: [dir, Self.shipped])
        #expect(catalog.theme(named: "light").0.style(.title) == Style(foreground: .ansi(1)))
        let (fallback, errors) = catalog.theme(named: "fluo")
        #expect(fallback == Theme.builtIn)
        #expect(errors.first?.description.hasPrefix("config.toml: no theme named \"fluo\"") == true)
    }

    @Test("Installed and checkout themes are found from the binary's path")
    func searchPath() throws {
        let checkout = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-checkout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: checkout.appendingPathComponent("themes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: checkout) }
        try "// swift-tools-version:6.0\n".write(to: checkout.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let paths = ReaderPaths(environment: ["HOME": "/home/lecteur", "XDG_CONFIG_HOME": "/home/lecteur/.config"])
        let catalog = ThemeCatalog(paths: paths, executable: checkout.appendingPathComponent("prefix/bin/qnread"))
        #expect(catalog.directories.map(\.path) == [
            "/home/lecteur/.config/qnread/themes",
            checkout.appendingPathComponent("prefix/share/qnread/themes").path,
            checkout.appendingPathComponent("themes").path,
        ])
    }
}
