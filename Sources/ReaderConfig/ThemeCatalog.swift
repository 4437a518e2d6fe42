import Localization
import Foundation
import ReaderCore

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
            return (Theme.builtIn, [ConfigError(file: "config.toml", line: nil, messageID: N_("theme \"%s\" is not a theme name"), arguments: [name])])
        }
        for directory in directories {
            let file = directory.appendingPathComponent(name + ".toml")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            return ThemeFile.parse(String(decoding: data, as: UTF8.self), name: name, fileName: file.lastPathComponent)
        }
        if name == Theme.builtIn.name { return (Theme.builtIn, []) }
        let looked = directories.map(\.path).joined(separator: ", ")
        return (Theme.builtIn, [ConfigError(file: "config.toml", line: nil, messageID: N_("no theme named \"%s\" (looked in %s)"),
                                                  arguments: [name, looked])])
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
