import Localization
import ReaderCore

// The settings table of config.toml, as the action table is for keys: each top-level setting's name, the value
// it takes, what it does and where it lands in `Settings`. The reader reads by it, an unknown name is an error
// because it is not here, and the man page lists it; nothing else names settings.

public struct ConfigSetting: Sendable {
    /// How a value is checked and stored.
    public enum Kind: Sendable {
        case bool(WritableKeyPath<Settings, Bool> & Sendable)
        case int(ClosedRange<Int>, WritableKeyPath<Settings, Int> & Sendable)
        /// Unset by default: the program's own default applies (qnread-tool's fetch limits).
        case optionalInt(ClosedRange<Int>, WritableKeyPath<Settings, Int?> & Sendable)
        case string(WritableKeyPath<Settings, String> & Sendable)
        case optionalString(WritableKeyPath<Settings, String?> & Sendable)
        /// A program: a string split on spaces, or a list of argv words. Never a shell command line.
        case command(WritableKeyPath<Settings, [String]?> & Sendable)
        /// strftime directives, each one DateText knows; unset, the language's own dates.
        case dateFormat(WritableKeyPath<Settings, String?> & Sendable)
        /// A language of the catalogue, by its code (`fr`, `en`).
        case language(WritableKeyPath<Settings, Language?> & Sendable)
    }

    public var name: String
    /// The value as the man page shows it: `true|false`, `N (0–10080)`, `"name"`, `["program", "arg"]`.
    public var value: String
    /// In English, marked for the catalogue (N_): the man page shows it in its language.
    public var help: String
    /// What an unset optional setting means; nil for a setting that always has a value.
    public var whenUnset: String?
    public var kind: Kind

    /// The default, as a TOML value, or nil when unset by default.
    public var defaultValue: String? { tomlValue(in: Settings()) }

    /// The setting's value in `settings`, written as in config.toml; nil when unset.
    public func tomlValue(in settings: Settings) -> String? {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        switch kind {
        case .bool(let path): return settings[keyPath: path] ? "true" : "false"
        case .int(_, let path): return String(settings[keyPath: path])
        case .optionalInt(_, let path): return settings[keyPath: path].map(String.init)
        case .string(let path): return quoted(settings[keyPath: path])
        case .optionalString(let path), .dateFormat(let path): return settings[keyPath: path].map(quoted)
        case .language(let path): return settings[keyPath: path].map { quoted($0.rawValue) }
        case .command(let path): return settings[keyPath: path].map { "[" + $0.map(quoted).joined(separator: ", ") + "]" }
        }
    }
}

public enum ConfigSettings {
    public static let all: [ConfigSetting] = [
        ConfigSetting(name: "theme", value: "\"name\"",
                      help: N_("Colour theme: default, light, solarized-dark, high-contrast, monochrome, or a themes/NAME.toml of your own."),
                      kind: .string(\.theme)),
        ConfigSetting(name: "browser", value: "\"program args\" or [\"program\", \"arg\"]",
                      // xgettext:no-c-format
                      help: N_("Opens links (o, a number then Enter). The URL is one more argument, or replaces %u in one."),
                      whenUnset: N_("$BROWSER, else xdg-open"), kind: .command(\.browser)),
        ConfigSetting(name: "pipe", value: "[\"program\", \"arg\"]",
                      help: N_("pipe-to (|) runs it on the terminal with the article's text on its standard input."),
                      whenUnset: N_("pipe-to says it is not set"), kind: .command(\.pipe)),
        ConfigSetting(name: "save_dir", value: "\"directory\"",
                      help: N_("save (S) writes articles there as text files named after their titles; ~/ is your home."),
                      whenUnset: N_("the XDG download directory (xdg-user-dir DOWNLOAD)"), kind: .optionalString(\.saveDirectory)),
        ConfigSetting(name: "bookmark_command", value: "[\"program\", \"arg\"]",
                      help: N_("bookmark (B) runs it with the article's URL, title, description and feed title as four more arguments."),
                      whenUnset: N_("bookmark says it is not set"), kind: .command(\.bookmarkCommand)),
        ConfigSetting(name: "download_dir", value: "\"directory\"",
                      help: N_("download (d, qnread download) writes enclosures (podcasts) under it; ~/ is your home."),
                      whenUnset: N_("the XDG download directory + /qnread"), kind: .optionalString(\.downloadDirectory)),
        ConfigSetting(name: "download_name", value: "\"%f/%t.%e\"",
                      // xgettext:no-c-format
                      help: N_("A download's file name under download_dir: %f feed title, %t article title, %e extension, %d date, %% a %; titles are made safe file names."),
                      kind: .string(\.downloadName)),
        ConfigSetting(name: "max_download_mb", value: "N (1-1000000)", help: N_("A download larger than this many MB is stopped."),
                      kind: .int(1...1_000_000, \.maxDownloadMB)),
        ConfigSetting(name: "max_downloads", value: "N (1-16)", help: N_("Downloads at once."), kind: .int(1...16, \.maxDownloads)),
        ConfigSetting(name: "player", value: "[\"program\", \"arg\"]",
                      help: N_("play (P) runs it on the terminal with the downloaded file's path as one more argument."),
                      whenUnset: N_("xdg-open"), kind: .command(\.player)),
        ConfigSetting(name: "notify_command", value: "[\"notify-send\", \"qnread\"]",
                      help: N_("After a reload or sync that brought new articles, run it with a summary (\"12 new articles in 3 feeds\") as one more argument."),
                      whenUnset: N_("no notification"), kind: .command(\.notifyCommand)),
        ConfigSetting(name: "notify_terminal", value: "true|false",
                      help: N_("The reader also sends the summary as a desktop notification through the terminal (OSC 777 and OSC 9, through tmux too)."),
                      kind: .bool(\.notifyTerminal)),
        ConfigSetting(name: "notify_bell", value: "true|false", help: N_("The reader rings the bell when new articles arrive."),
                      kind: .bool(\.notifyBell)),
        ConfigSetting(name: "reload_on_start", value: "true|false", help: N_("Reload every feed when the reader opens."),
                      kind: .bool(\.reloadOnStart)),
        ConfigSetting(name: "reload_every_minutes", value: "N (0-10080)",
                      help: N_("Reload every feed this often while the reader is open; 0 never."), kind: .int(0...10_080, \.reloadEveryMinutes)),
        ConfigSetting(name: "max_parallel_fetches", value: "N (1-64)", help: N_("Fetches at once, at most 2 per host."),
                      kind: .int(1...64, \.maxParallelFetches)),
        ConfigSetting(name: "fetch_timeout_seconds", value: "N (1-3600)",
                      help: N_("Seconds one feed's fetch may take in all, redirects included."),
                      whenUnset: toolDefault, kind: .optionalInt(1...3600, \.fetchTimeoutSeconds)),
        ConfigSetting(name: "low_speed_bytes_per_second", value: "N (0-1000000000)",
                      help: N_("A fetch slower than this for low_speed_seconds is stopped; 0 never."),
                      whenUnset: toolDefault, kind: .optionalInt(0...1_000_000_000, \.lowSpeedBytesPerSecond)),
        ConfigSetting(name: "low_speed_seconds", value: "N (1-3600)", help: N_("How long a fetch may stay that slow."),
                      whenUnset: toolDefault, kind: .optionalInt(1...3600, \.lowSpeedSeconds)),
        ConfigSetting(name: "show_read", value: "true|false", help: N_("Show feeds and articles already read (l toggles it)."),
                      kind: .bool(\.showRead)),
        ConfigSetting(name: "date_format", value: "\"%d %b %H:%M\"",
                      // xgettext:no-c-format
                      help: N_("Dates in lists and articles: %Y %y %m %d %e %H %M %S %b %a %j %%."),
                      whenUnset: N_("the language's own: Nov 14 this year, Nov 14, 2025 before (French: 14 nov., 14 nov. 2025)"),
                      kind: .dateFormat(\.dateFormat)),
        ConfigSetting(name: "language", value: "\"fr\"|\"en\"",
                      help: N_("The interface's language: French or English. --json output and files never change."),
                      whenUnset: N_("LC_ALL, else LC_MESSAGES, else LANG: fr_CA, fr_FR, fr... are French, anything else English"),
                      kind: .language(\.language)),
        ConfigSetting(name: "retention_days", value: "N (0-100000)",
                      help: N_("After each reload (the reader's or qnread reload's) drop articles older than this; starred ones stay; 0 never."),
                      kind: .int(0...100_000, \.retentionDays)),
        ConfigSetting(name: "retention_per_feed", value: "N (0-10000000)",
                      help: N_("After each reload keep at most this many articles per feed, plus starred ones; 0 all."),
                      kind: .int(0...10_000_000, \.retentionPerFeed)),
        ConfigSetting(name: "mouse", value: "true|false", help: N_("Clicks select, the wheel scrolls."), kind: .bool(\.mouse)),
        ConfigSetting(name: "double_click_opens", value: "true|false", help: N_("A double click opens the row clicked."),
                      kind: .bool(\.doubleClickOpens)),
    ]

    /// qnread-tool's fetch limits are its own (FetchSettings); the reader's modules never link them.
    private static let toolDefault = N_("qnread-tool's own default (qnread reload --help)")

    public static func named(_ name: String) -> ConfigSetting? { all.first { $0.name == name } }
}
