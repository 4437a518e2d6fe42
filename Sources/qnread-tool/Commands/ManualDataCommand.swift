import ArgumentTables
import Localization
import ReaderConfig
import ReaderCore

/// Hidden: the action table and the settings table as JSON, for scripts/man-page, so the manual's KEYS and
/// CONFIGURATION sections come from the tables the reader runs on and never drift from them. Its texts are in the
/// tool's language (LC_ALL=fr for the French page); the names, keys and values never change.
struct ManualDataCommand {
    static let table = CommandTable(
        "manual-data",
        abstract: N_("Print the reader's actions and config.toml's settings as JSON (for scripts/man-page)."),
        isHidden: true,
        run: { _ in try ManualDataCommand().run() })

    struct Screen: Encodable {
        var name: String
        var title: String
    }

    struct ActionRow: Encodable {
        var name: String
        var keys: [String]
        var help: String
        var screens: [String]
    }

    struct SettingRow: Encodable {
        var name: String
        var value: String
        var help: String
        var defaultValue: String?
        var whenUnset: String?
    }

    struct Tables: Encodable {
        var screens: [Screen]
        var actions: [ActionRow]
        var settings: [SettingRow]
    }

    func run() throws {
        let screens = ScreenKind.allCases
        try CommandOutput.printJSON(Tables(
            screens: screens.map { Screen(name: $0.rawValue, title: tr($0.title)) },
            actions: ActionTable.entries.map { entry in
                ActionRow(name: entry.action.rawValue, keys: entry.keys, help: tr(entry.help),
                          screens: screens.filter(entry.applies(to:)).map(\.rawValue))
            },
            settings: ConfigSettings.all.map {
                SettingRow(name: $0.name, value: $0.value, help: tr($0.help), defaultValue: $0.defaultValue,
                           whenUnset: $0.whenUnset.map { tr($0) })
            }))
    }
}
