import FeedList
import FeedStorage
import Foundation
import Localization
import NcursesBackend
import ReaderConfig
import ReaderCore
import ReaderRuntime

/// `qnread` with no subcommand: config, theme and store, then the reader on this terminal until it quits.
enum ReaderLaunch {
    /// The reader could not start: `text` is the whole line, said in the reader's language.
    struct Unopened: Error {
        var text: String
    }

    /// Before the first screen, with no network: the feeds list's feeds are in the store (so a new feed shows at
    /// once), and a store with no article at all gets the bundled demo feed, so a first run has something to read.
    static func prepare(_ store: FeedStore, syncsWithServer: Bool = false) throws {
        let locations = FeedListLocations()
        let layers = FeedListLayers.load(locations, systemConfig: .load(locations.systemConfig), syncsWithServer: syncsWithServer)
        try store.syncSubscriptions(layers.feeds.map { Subscription(url: $0.url, tags: $0.tags, customTitle: $0.title, isHidden: $0.isHidden) })
        if try store.hasNoArticles() {
            try BundledFeeds.importInto(store)
        }
    }

    /// Throws `Unopened`, said in the reader's language, when the reader cannot start.
    static func run(databasePath: String?, configPath: String?,
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws(Unopened) {
        let loaded = LoadedConfiguration(configPath: configPath, environment: environment)
        let catalogue = Catalogue(Language.chosen(setting: loaded.configuration.settings.language, environment: environment))
        do {
            try run(loaded, catalogue: catalogue, databasePath: databasePath, environment: environment)
        } catch {
            throw Unopened(text: catalogue.tr("Error: %s", catalogue.text(of: error)))
        }
    }

    private static func run(_ loaded: LoadedConfiguration, catalogue: Catalogue, databasePath: String?,
                            environment: [String: String]) throws {
        // Before the screen is taken: an update of an older database says so on the terminal while it runs.
        let store = try FeedStore(path: ReaderPaths.databasePath(option: databasePath, environment: environment),
                                  announce: { complain("qnread: " + $0.text(in: catalogue)) })
        // Articles the killfile hides leave every list before the first screen; reloads store by the same rules.
        try store.useKillfile(loaded.configuration.killfile)
        try prepare(store, syncsWithServer: loaded.configuration.sync != nil)
        var settings = loaded.configuration.settings
        settings.saveDirectory = ReaderPaths.saveDirectory(setting: settings.saveDirectory, environment: environment)
        // NO_COLOR (any non-empty value) keeps bold and underline but draws no colour: https://no-color.org
        let terminal = try NcursesTerminal(useColor: (environment["NO_COLOR"] ?? "").isEmpty, mouse: settings.mouse)
        var state = AppState(size: terminal.size, settings: settings, keymap: loaded.configuration.keymap,
                             theme: loaded.theme, timeZone: .current, catalogue: catalogue, today: Date())
        if let first = loaded.errors.first {
            let more = loaded.errors.count > 1
                ? state.catalogue.trn(" (+%d more: qnread config check)", " (+%d more: qnread config check)", loaded.errors.count - 1)
                : ""
            state.status = StatusMessage(first.description(in: state.catalogue) + more, isError: true)
        } else if loaded.configuration.sync != nil, let line = try? store.syncStatus().startLine(state.catalogue) {
            // Offline-first: the last sync failed, the reader opens on what the store holds and says so.
            state.status = StatusMessage(line, isError: true)
        }
        // Reloads run in `qnread-tool`, so this process never loads the network libraries.
        let reload = SiblingProgram.path(SiblingProgram.tool).map {
            ReloadProcess(tool: $0, store: store, settings: settings, configFile: loaded.file.path,
                          environment: environment)
        }
        let downloads = SiblingProgram.path(SiblingProgram.tool).map {
            DownloadProcess(tool: $0, store: store, configFile: loaded.file.path, environment: environment,
                            catalogue: state.catalogue)
        }
        ReaderLoop(terminal: terminal, library: store, refresher: reload, downloader: downloads, state: state,
                   environment: environment).run()
        reload?.stop()
        downloads?.stop()
    }
}
