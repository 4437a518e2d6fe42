import FeedStorage
import FeedFetching
import Foundation
import NcursesBackend
import ReaderConfig
import ReaderCore
import ReaderRuntime

/// `qnread` with no subcommand: config, theme and store, then the reader on this terminal until it quits.
enum ReaderLaunch {
    /// Before the first screen, with no network: the feeds list's feeds are in the store (so a new feed shows at
    /// once), and a store with no article at all gets the bundled demo feed, so a first run has something to read.
    static func prepare(_ store: FeedStore) throws {
        let refresher = Refresher(store: store)
        let layers = FeedListLayers.load(FeedListLocations())
        try refresher.syncSubscriptions(layers.feeds)
        if try store.statistics().articles == 0 {
            _ = runBlocking { await refresher.importBundledFeeds() }
        }
    }

    static func run(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let loaded = LoadedConfiguration(global: global, environment: environment)
        let store = try global.openStore()
        try prepare(store)
        let settings = loaded.configuration.settings
        // NO_COLOR (any non-empty value) keeps bold and underline but draws no colour: https://no-color.org
        let terminal = try NcursesTerminal(useColor: (environment["NO_COLOR"] ?? "").isEmpty, mouse: settings.mouse)
        var state = AppState(size: terminal.size, settings: settings, keymap: loaded.configuration.keymap,
                             theme: loaded.theme, timeZone: .current)
        if let first = loaded.errors.first {
            let more = loaded.errors.count > 1 ? " (+\(loaded.errors.count - 1) more: qnread config check)" : ""
            state.status = StatusMessage(first.description + more, isError: true)
        }
        let refresher = Refresher(store: store, settings: FetchSettings(
            maxConcurrent: settings.maxParallelFetches, userAgent: FetchSettings.userAgent(version: QnReadVersion.string)))
        ReaderLoop(terminal: terminal, library: store, refresher: ReaderReload(refresher: refresher, settings: settings),
                   state: state, environment: environment).run()
    }
}
