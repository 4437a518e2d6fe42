import Foundation

/// The XDG base-directory rule, in the one place every qnread path asks: `$XDG_CONFIG_HOME` (and its data and
/// cache siblings) when it is an absolute path, else its default under `$HOME`.
public enum XDGBaseDirectory: Sendable {
    case config, data, cache

    /// qnread's own directory in this base: `$XDG_CONFIG_HOME/qnread`, else `~/.config/qnread`.
    public func qnreadDirectory(environment: [String: String]) -> URL {
        let (variable, fallback) = switch self {
        case .config: ("XDG_CONFIG_HOME", ".config")
        case .data: ("XDG_DATA_HOME", ".local/share")
        case .cache: ("XDG_CACHE_HOME", ".cache")
        }
        let base: URL
        if let value = environment[variable], value.hasPrefix("/") {
            base = URL(fileURLWithPath: value, isDirectory: true)
        } else {
            let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
            base = home.appendingPathComponent(fallback, isDirectory: true)
        }
        return base.appendingPathComponent("qnread", isDirectory: true)
    }
}
