import ArgumentParser
import FeedFetching
import ReaderCore

/// The fetch limits `reload` and `feeds check` accept on the command line. Each one given wins over config.toml's
/// setting, which wins over FetchSettings' default.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr("Fetches at once, across hosts (at most 2 per host; default: config.toml's max_parallel_fetches, else 24)."), valueName: "n"))
    var jobs: Int?

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp(tr("Seconds to wait for a connection (TLS included)."), valueName: "s"))
    var connectTimeout: Double = FetchSettings().connectTimeout

    @Option(name: .long, help: ArgumentHelp(tr("Seconds one feed may take in all (default: config.toml's fetch_timeout_seconds, else %d).", Int(FetchSettings().totalTimeout)), valueName: "s"))
    var timeout: Double?

    @Option(name: .customLong("low-speed-limit"), help: ArgumentHelp(tr("Bytes a second under which a fetch is too slow; 0: no limit (default: config.toml's low_speed_bytes_per_second, else %d).", FetchSettings().lowSpeedBytesPerSecond), valueName: "n"))
    var lowSpeedLimit: Int?

    @Option(name: .customLong("low-speed-time"), help: ArgumentHelp(tr("Seconds a fetch may stay under that speed (default: config.toml's low_speed_seconds, else %d).", FetchSettings().lowSpeedSeconds), valueName: "s"))
    var lowSpeedTime: Int?

    func validate() throws {
        guard jobs.map({ $0 >= 1 }) ?? true else { throw ValidationError(tr("--jobs must be at least 1")) }
        guard connectTimeout > 0, timeout.map({ $0 > 0 }) ?? true else { throw ValidationError(tr("timeouts must be positive")) }
        guard lowSpeedLimit.map({ $0 >= 0 }) ?? true, lowSpeedTime.map({ $0 >= 1 }) ?? true else {
            throw ValidationError(tr("--low-speed-limit must be 0 or more, --low-speed-time at least 1"))
        }
    }

    /// `config`: the settings config.toml gave (its fetch limits apply where no option was given).
    func settings(config: Settings) -> FetchSettings {
        var settings = FetchSettings(maxConcurrent: jobs ?? config.maxParallelFetches, connectTimeout: connectTimeout,
                                     userAgent: FetchSettings.userAgent(version: QnReadVersion.string),
                                     catalogue: ToolLanguage.catalogue)
        if let seconds = timeout ?? config.fetchTimeoutSeconds.map(Double.init) { settings.totalTimeout = seconds }
        if let bytes = lowSpeedLimit ?? config.lowSpeedBytesPerSecond { settings.lowSpeedBytesPerSecond = bytes }
        if let seconds = lowSpeedTime ?? config.lowSpeedSeconds { settings.lowSpeedSeconds = seconds }
        return settings
    }
}
