import FeedList
import Foundation

/// Where qnread's files live, after the XDG base-directory rules.
public struct ReaderPaths: Sendable, Hashable {
    public var configHome: URL
    public var dataHome: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        configHome = XDGBaseDirectory.config.qnreadDirectory(environment: environment)
        dataHome = XDGBaseDirectory.data.qnreadDirectory(environment: environment)
    }

    public var configFile: URL { configHome.appendingPathComponent("config.toml") }
    public var databaseFile: URL { dataHome.appendingPathComponent("qnread.sqlite") }

    /// config.toml: the `--config` option, else `$XDG_CONFIG_HOME/qnread/config.toml`.
    public static func configFile(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        return ReaderPaths(environment: environment).configFile
    }

    /// The database file: the `--db` option, else `$QNREAD_DB`, else `$XDG_DATA_HOME/qnread/qnread.sqlite`.
    public static func databasePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["QNREAD_DB"], !path.isEmpty { return path }
        return ReaderPaths(environment: environment).databaseFile.path
    }

    /// Where `save` writes: config.toml's `save_dir` (`~/` is the home directory), else the XDG download
    /// directory (`xdg-user-dir DOWNLOAD`).
    public static func saveDirectory(setting: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let setting, !setting.isEmpty else { return XDGUserDirectory.path("DOWNLOAD", environment: environment) }
        let home = XDGBaseDirectory.home(environment).path
        if setting == "~" { return home }
        if setting.hasPrefix("~/") { return home + setting.dropFirst() }
        return setting
    }

    /// Where `download` writes enclosures: config.toml's `download_dir` (`~/` is the home directory), else the XDG
    /// download directory's `qnread` folder.
    public static func downloadDirectory(setting: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let setting, !setting.isEmpty else { return XDGUserDirectory.path("DOWNLOAD", environment: environment) + "/qnread" }
        return saveDirectory(setting: setting, environment: environment)
    }

    /// The running binary, symlinks resolved, so installed and checkout files are found beside it. Read once:
    /// the theme catalog and the sibling program both ask at start-up.
    public static let runningExecutable: URL = {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }()
}
