import Foundation
import ReaderCore
import ScreenKit
import TOMLKit

/// Reads `themes/NAME.toml`: one table per role, `fg`/`bg` (8 names, `colorN`, `#rrggbb`, or "default") and
/// `attributes` (bold, dim, underline, reverse, italic). Roles left out keep the built-in default's style.
public enum ThemeFile {
    public static func parse(_ text: String, name: String, fileName: String) -> (Theme, [ConfigError]) {
        var theme = Theme(name: name, styles: Theme.builtIn.styles)
        var errors: [ConfigError] = []
        let lines = TOMLKeyLines(text)
        func fail(_ path: [String], _ reason: String) {
            errors.append(ConfigError(file: fileName, line: lines.line(of: path), reason: reason))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (Theme.builtIn, [ConfigError(file: fileName, line: error.source.begin.line, reason: error.description)])
        } catch {
            return (Theme.builtIn, [ConfigError(file: fileName, line: nil, reason: "is not valid TOML")])
        }
        for key in table.keys {
            if key == "description" { continue }
            guard let role = ThemeRole(rawValue: key) else {
                fail([key], "unknown role \"\(key)\" (use \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard let fields = table[key]?.table else {
                fail([key], "\(key) must be a table with fg, bg and attributes")
                continue
            }
            var style = Style()
            for field in fields.keys {
                let value = fields[field]!
                switch field {
                case "fg", "bg":
                    guard let colorName = value.string else {
                        fail([key, field], "\(key).\(field) must be a colour name")
                        continue
                    }
                    if colorName == "default" { continue }
                    guard let color = Color(name: colorName) else {
                        fail([key, field], "\"\(colorName)\" is not a colour (use black…white, color0–color255 or #rrggbb)")
                        continue
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "attributes":
                    let names = value.string.map { [$0] } ?? value.array?.compactMap { $0.string } ?? []
                    for attribute in names {
                        guard let found = TextAttributes.names.first(where: { $0.0 == attribute }) else {
                            fail([key, field], "\"\(attribute)\" is not an attribute (use bold, dim, underline, reverse, italic)")
                            continue
                        }
                        style.attributes.insert(found.1)
                    }
                default:
                    fail([key, field], "unknown field \"\(field)\" in [\(key)] (use fg, bg, attributes)")
                }
            }
            theme.styles[role] = style
        }
        return (theme, errors)
    }
}

/// Finds themes by name: the user's config dir, then the installed share/qnread/themes beside the binary,
/// then a checkout's themes/ above the binary. The default theme is also built in.
public struct ThemeCatalog: Sendable {
    public var directories: [URL]

    public init(directories: [URL]) { self.directories = directories }

    public init(paths: ReaderPaths, executable: URL) {
        var directories = [paths.configHome.appendingPathComponent("themes", isDirectory: true)]
        let binDir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        directories.append(binDir.deletingLastPathComponent().appendingPathComponent("share/qnread/themes", isDirectory: true))
        var dir = binDir
        while dir.path != "/" {
            let themes = dir.appendingPathComponent("themes", isDirectory: true)
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: themes.path) {
                directories.append(themes)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        self.init(directories: directories)
    }

    /// The theme called `name`, with the problems found reading it. An unknown name gives the built-in default
    /// and one error; so does a file that cannot be read.
    public func theme(named name: String) -> (Theme, [ConfigError]) {
        guard !name.contains("/"), !name.hasPrefix(".") else {
            return (Theme.builtIn, [ConfigError(file: "config.toml", line: nil, reason: "theme \"\(name)\" is not a theme name")])
        }
        for directory in directories {
            let file = directory.appendingPathComponent(name + ".toml")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            return ThemeFile.parse(String(decoding: data, as: UTF8.self), name: name, fileName: file.lastPathComponent)
        }
        if name == Theme.builtIn.name { return (Theme.builtIn, []) }
        let looked = directories.map(\.path).joined(separator: ", ")
        return (Theme.builtIn, [ConfigError(file: "config.toml", line: nil, reason: "no theme named \"\(name)\" (looked in \(looked))")])
    }

    /// Every theme name found, sorted.
    public var names: [String] {
        var names: Set<String> = [Theme.builtIn.name]
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }
}
