import ArgumentTables
import FeedList
import FeedRefresh
import Foundation
import Localization
import ReaderConfig

struct SyncCommand {
    static let table = CommandTable(
        "sync",
        abstract: N_("Send local marks and subscription changes to the sync server, then fetch what is new there."),
        discussion: N_("Needs [sync] in config.toml (service = \"ttrss\", url, user, password_command or password). Marks made offline wait in the database until a sync sends them; a failed sync loses nothing and exits non-zero with one line. `qnread reload` and the reader's reloads sync too when [sync] is set."),
        rows: GlobalOptions.rows + [
            .flag("json", help: N_("Print the summary as JSON.")),
            .flag("subscribe-local", help: N_("First subscribe the server to the feeds of your local lists (yours and the system's) that it lacks.")),
            .flag("drop-waiting", help: N_("Marks still waiting for another server or user (config.toml's [sync] changed): drop them and sync.")),
        ] + FetchOptions.rows,
        run: { try SyncCommand($0).run() })

    var global: GlobalOptions
    var json: Bool
    var subscribeLocal: Bool
    var dropWaiting: Bool
    var fetch: FetchOptions

    init(_ values: ParsedValues) throws {
        global = GlobalOptions(values)
        json = values.flag("json")
        subscribeLocal = values.flag("subscribe-local")
        dropWaiting = values.flag("drop-waiting")
        fetch = try FetchOptions(values)
    }

    func run() throws {
        let config = ToolConfiguration.load(from: global.configFile)
        for error in config.errors { Terminal.warn(error.description(in: ToolLanguage.catalogue)) }
        guard let account = config.sync else {
            throw CommandFailure(tr("config.toml has no usable [sync] table (service = \"ttrss\", url, user, password_command)"))
        }
        let store = try global.openStore()
        let settings = fetch.settings(config: config.settings)
        let outcome: Result<(SyncReport, Int), SyncError> = runBlocking {
            do throws(SyncError) {
                let session = ServerSync.session(account, store: store, settings: settings)
                var queued = 0
                if subscribeLocal {
                    let locations = FeedListLocations(environment: ToolEnvironment.variables)
                    let layers = FeedListLayers.load(locations, systemConfig: .load(locations.systemConfig))
                    queued = try await session.queueLocalFeeds(layers.localFeeds.map(\.url))
                }
                return .success((try await session.run(dropWaiting: dropWaiting), queued))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let (report, queued)):
            NewArticlesAnnouncement.announce(report.newArticles, feeds: nil, config: config, warn: { Terminal.warn($0) })
            if json {
                try CommandOutput.printJSON(report)
            } else {
                if subscribeLocal { print(trn("sync: %d local feed to subscribe on the server", "sync: %d local feeds to subscribe on the server", queued)) }
                print(ServerSync.summary(report))
            }
        case .failure(let error):
            throw CommandFailure(ServerSync.failure(error, store: store))
        }
    }
}
