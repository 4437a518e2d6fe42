import ArgumentParser
import FeedFetching

/// The fetch limits `reload` and `feeds check` accept on the command line; the defaults are FetchSettings'.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Fetches at once, across hosts (at most 2 per host).", valueName: "n"))
    var jobs: Int = FetchSettings().maxConcurrent

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds to wait for a connection (TLS included).", valueName: "s"))
    var connectTimeout: Double = FetchSettings().connectTimeout

    @Option(name: .long, help: ArgumentHelp("Seconds one feed may take in all.", valueName: "s"))
    var timeout: Double = FetchSettings().totalTimeout

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("timeouts must be positive") }
    }

    var settings: FetchSettings {
        FetchSettings(maxConcurrent: jobs, connectTimeout: connectTimeout, totalTimeout: timeout,
                      userAgent: FetchSettings.userAgent(version: QnReadVersion.string))
    }
}
