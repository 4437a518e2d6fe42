import FeedList
import FeedModel
import Foundation
import ReaderConfig
import TextSafety

/// What the `feeds` commands share: the layers as loaded, which file an edit goes to, and how problems are told.
struct FeedListEditing {
    let locations: FeedListLocations
    let layers: FeedListLayers
    /// config.toml's `[sync]`: the server's subscriptions are then the list, and `add`/`remove` go to the server.
    let sync: SyncAccount?

    init(configPath: String? = nil, environment: [String: String] = ToolEnvironment.variables) {
        locations = FeedListLocations(environment: environment)
        sync = ToolConfiguration.load(from: ReaderPaths.configFile(option: configPath, environment: environment)).sync
        layers = FeedListLayers.load(locations, systemConfig: .load(locations.systemConfig), syncsWithServer: sync != nil)
    }

    /// Bad lines go to stderr; they were skipped, the rest loaded.
    func reportProblems() {
        for problem in layers.problems { Terminal.warn(ToolLanguage.catalogue.text(of: problem)) }
    }

    /// The file an edit goes to, as it is now. A reader's first edit while the built-in list is in use starts from
    /// that list, so adding one feed does not make the defaults vanish.
    func editableFile(system: Bool) -> (file: FeedListFile, url: URL) {
        if system {
            return (layers.system ?? FeedListFile(name: locations.systemFeeds.path, text: Self.systemHeader), locations.systemFeeds)
        }
        if let user = layers.user { return (user, locations.userFeeds) }
        let text = layers.usesBuiltInDefaults ? DefaultFeeds.fileText : Self.userHeader
        return (FeedListFile(name: locations.userFeeds.path, text: text), locations.userFeeds)
    }

    static let userHeader = """
        # Flux de qnread — une ligne par flux : URL, étiquettes, "~Titre personnalisé".
        # « !URL » masque un flux de la liste du système.


        """
    static let systemHeader = """
        # Liste de flux de qnread pour tous les lecteurs de cette machine (format « urls » de newsboat).


        """
}

/// Writing to the terminal: results on stdout, warnings and errors on stderr, one line each.
enum Terminal {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("qnread: " + SafeText.collapsedLine(message) + "\n").utf8))
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// A command that failed: one line on stderr (QnRead.exitSaying prints it), exit status 1.
struct FeedsFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = SafeText.collapsedLine(message) }
}
