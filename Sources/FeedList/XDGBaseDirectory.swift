import Foundation

/// The XDG base-directory rule, in the one place every qnread path asks: `$XDG_CONFIG_HOME` (and its data and
/// cache siblings) when it is an absolute path, else its default under `$HOME`.
public enum XDGBaseDirectory: Sendable {
    case config, data, cache

    /// qnread's own directory in this base: `$XDG_CONFIG_HOME/qnread`, else `~/.config/qnread`.
    public func qnreadDirectory(environment: [String: String]) -> URL {
        directory(environment: environment).appendingPathComponent("qnread", isDirectory: true)
    }

    /// The base itself: `$XDG_CONFIG_HOME`, else `~/.config`.
    public func directory(environment: [String: String]) -> URL {
        let (variable, fallback) = switch self {
        case .config: ("XDG_CONFIG_HOME", ".config")
        case .data: ("XDG_DATA_HOME", ".local/share")
        case .cache: ("XDG_CACHE_HOME", ".cache")
        }
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        return Self.home(environment).appendingPathComponent(fallback, isDirectory: true)
    }

    /// `$HOME`, else the account's home directory.
    public static func home(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
    }
}
