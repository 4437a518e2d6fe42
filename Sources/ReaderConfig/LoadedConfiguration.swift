import Foundation
import ReaderCore

/// config.toml and its theme, found the way every command finds them (`--config`, else XDG).
public struct LoadedConfiguration {
    public var paths: ReaderPaths
    public var file: URL
    public var configuration: ReaderConfiguration
    public var theme: Theme
    /// Config problems first, then theme problems.
    public var errors: [ConfigError]

    /// `configPath` is the `--config` option, if given.
    public init(configPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        paths = ReaderPaths(environment: environment)
        file = ReaderPaths.configFile(option: configPath, environment: environment)
        configuration = ReaderConfiguration.load(from: file)
        let catalog = ThemeCatalog(paths: paths, executable: ReaderPaths.runningExecutable)
        let (theme, themeErrors) = catalog.theme(named: configuration.settings.theme)
        self.theme = theme
        errors = configuration.errors + themeErrors
    }
}
