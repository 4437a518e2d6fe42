import FeedStorage
import Foundation
import NcursesBackend
import ReaderCore
import ReaderRuntime

/// `qnread` with no subcommand: config, theme and store, then the reader on this terminal until it quits.
enum ReaderLaunch {
    static func run(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let loaded = LoadedConfiguration(global: global, environment: environment)
        let store = try global.openStore()
        let settings = loaded.configuration.settings
        // NO_COLOR (any non-empty value) keeps bold and underline but draws no colour: https://no-color.org
        let terminal = try NcursesTerminal(useColor: (environment["NO_COLOR"] ?? "").isEmpty, mouse: settings.mouse)
        var state = AppState(size: terminal.size, settings: settings, keymap: loaded.configuration.keymap,
                             theme: loaded.theme, timeZone: .current)
        if let first = loaded.errors.first {
            let more = loaded.errors.count > 1 ? " (+\(loaded.errors.count - 1) more: qnread config check)" : ""
            state.status = StatusMessage(first.description + more, isError: true)
        }
        ReaderLoop(terminal: terminal, library: store, refresher: nil, state: state, environment: environment).run()
    }
}
