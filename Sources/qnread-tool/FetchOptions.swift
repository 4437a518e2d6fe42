import ArgumentTables
import FeedFetching
import Localization
import ReaderCore

/// The fetch limits `reload` and `feeds check` accept on the command line. Each one given wins over config.toml's
/// setting, which wins over FetchSettings' default.
struct FetchOptions {
    var jobs: Int?
    var connectTimeout: Double
    var timeout: Double?
    var lowSpeedLimit: Int?
    var lowSpeedTime: Int?

    static let rows: [ArgumentRow] = {
        let defaults = FetchSettings()
        return [
            .option("jobs", .integer, valueName: "n",
                    help: N_("Fetches at once, across hosts (at most 2 per host; default: config.toml's max_parallel_fetches, else 24).")),
            .option("connect-timeout", .number, valueName: "s", default: String(defaults.connectTimeout),
                    help: N_("Seconds to wait for a connection (TLS included).")),
            .option("timeout", .number, valueName: "s",
                    help: N_("Seconds one feed may take in all (default: config.toml's fetch_timeout_seconds, else %d)."),
                    helpArguments: [String(Int(defaults.totalTimeout))]),
            .option("low-speed-limit", .integer, valueName: "n",
                    help: N_("Bytes a second under which a fetch is too slow; 0: no limit (default: config.toml's low_speed_bytes_per_second, else %d)."),
                    helpArguments: [String(defaults.lowSpeedBytesPerSecond)]),
            .option("low-speed-time", .integer, valueName: "s",
                    help: N_("Seconds a fetch may stay under that speed (default: config.toml's low_speed_seconds, else %d)."),
                    helpArguments: [String(defaults.lowSpeedSeconds)]),
        ]
    }()

    init(_ values: ParsedValues) throws {
        jobs = values.int("jobs")
        connectTimeout = values.double("connect-timeout") ?? FetchSettings().connectTimeout
        timeout = values.double("timeout")
        lowSpeedLimit = values.int("low-speed-limit")
        lowSpeedTime = values.int("low-speed-time")
        guard jobs.map({ $0 >= 1 }) ?? true else { throw UsageError(tr("--jobs must be at least 1")) }
        guard connectTimeout > 0, timeout.map({ $0 > 0 }) ?? true else { throw UsageError(tr("timeouts must be positive")) }
        guard lowSpeedLimit.map({ $0 >= 0 }) ?? true, lowSpeedTime.map({ $0 >= 1 }) ?? true else {
            throw UsageError(tr("--low-speed-limit must be 0 or more, --low-speed-time at least 1"))
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
