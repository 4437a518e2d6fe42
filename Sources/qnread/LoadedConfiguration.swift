import Foundation
import ReaderConfig
import ReaderCore

/// config.toml and its theme, found the way every command finds them (`--config`, else XDG).
struct LoadedConfiguration {
    var paths: ReaderPaths
    var file: URL
    var configuration: ReaderConfiguration
    var theme: Theme
    /// Config problems first, then theme problems.
    var errors: [ConfigError]

    init(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        paths = ReaderPaths(environment: environment)
        file = global.config.map { URL(fileURLWithPath: $0) } ?? paths.configFile
        configuration = ReaderConfiguration.load(from: file)
        let catalog = ThemeCatalog(paths: paths, executable: LoadedConfiguration.executable)
        let (theme, themeErrors) = catalog.theme(named: configuration.settings.theme)
        self.theme = theme
        errors = configuration.errors + themeErrors
    }

    /// The running binary, symlinks resolved, so installed and checkout themes are found beside it.
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}
