import Localization

/// The reader's settings, as config.toml sets them; the defaults are what a missing file means.
public struct Settings: Hashable, Sendable {
    public var theme = "default"
    /// The browser command as argv words; nil means $BROWSER, then xdg-open. `%u` in a word is the URL.
    public var browser: [String]?
    public var reloadOnStart = false
    /// 0 turns periodic reload off.
    public var reloadEveryMinutes = 0
    /// 24: the smallest count that reaches the ideal time on bench/network.sh (issue 16)
    public var maxParallelFetches = 24
    /// The fetch limits of config.toml; nil leaves qnread-tool's own default (FetchSettings), which `reload`
    /// documents. Seconds one feed may take in all.
    public var fetchTimeoutSeconds: Int?
    /// A fetch slower than this many bytes a second for `lowSpeedSeconds` is stopped; 0 turns the check off.
    public var lowSpeedBytesPerSecond: Int?
    public var lowSpeedSeconds: Int?
    public var showRead = true
    /// strftime-style: %Y %m %d %H %M %S %b %a %e %y %j %%. Unset: the language's own (`14 nov.`, `Nov 14`).
    public var dateFormat: String?
    /// The interface's language; unset, LC_ALL, LC_MESSAGES or LANG decide.
    public var language: Language?
    /// Articles older than this many days are removed on reload (starred ones stay); 0 keeps everything.
    public var retentionDays = 0
    /// At most this many articles are kept per feed (starred ones stay); 0 keeps everything.
    public var retentionPerFeed = 0
    /// `pipe-to`'s command as argv words; the article's text arrives on its standard input.
    public var pipe: [String]?
    /// Where `save` writes; the runtime fills in the XDG download directory when config.toml names none.
    public var saveDirectory: String?
    /// `bookmark`'s command as argv words; URL, title, description and feed title follow as four arguments.
    public var bookmarkCommand: [String]?
    /// Where `download` writes enclosures; the runtime fills in the XDG download directory + /qnread when unset.
    public var downloadDirectory: String?
    /// The file name under `downloadDirectory`: %f feed title, %t article title, %e extension, %d date (DownloadName).
    public var downloadName = "%f/%t.%e"
    /// A download larger than this many MB (10^6 bytes) is stopped.
    public var maxDownloadMB = 2048
    /// Downloads at once.
    public var maxDownloads = 2
    /// Plays a downloaded enclosure (P) with its path as one more argument; nil means xdg-open.
    public var player: [String]?
    /// Run after a reload or sync that brought new articles, with a summary as one more argument.
    public var notifyCommand: [String]?
    /// The reader also announces new articles through the terminal (OSC 777 and OSC 9).
    public var notifyTerminal = false
    /// The reader rings the terminal's bell when new articles arrive.
    public var notifyBell = false
    public var mouse = true
    public var doubleClickOpens = true
    /// Articles per page when a list is loaded from the store.
    public var pageSize = 200

    public init() {}
}
