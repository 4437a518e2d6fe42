import Foundation
import ReaderConfig
import Synchronization

/// config.toml as qnread-tool reads it: once per file and process. The tool's language is chosen from it before the
/// arguments are parsed, and most commands then read it for their own settings; they share the one reading.
enum ToolConfiguration {
    private static let loaded = Mutex<[String: ReaderConfiguration]>([:])

    static func load(from url: URL) -> ReaderConfiguration {
        if let known = loaded.withLock({ $0[url.path] }) { return known }
        let configuration = ReaderConfiguration.load(from: url)
        loaded.withLock { $0[url.path] = configuration }
        return configuration
    }
}
