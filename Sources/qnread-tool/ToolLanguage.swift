import Foundation
import Localization
import ReaderConfig

// The language of qnread-tool's words (help, messages, tables): config.toml's `language` — the file `--config`
// names, else the usual one — else LC_ALL, LC_MESSAGES, LANG. Decided once, before the arguments are parsed, so
// that --help speaks it too. --json output, file formats and `--progress-lines` keywords never change with it.
enum ToolLanguage {
    static let catalogue: Catalogue = {
        let environment = ToolEnvironment.variables
        let arguments = CommandLine.arguments
        var configPath: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { configPath = arguments[index + 1] }
            if argument.hasPrefix("--config=") { configPath = String(argument.dropFirst("--config=".count)) }
        }
        let file = ReaderPaths.configFile(option: configPath, environment: environment)
        // Without a file there is nothing to read: the defaults (their keymap alone is 2 M instructions) would be
        // built at every start only to learn that no language is set.
        let configured = FileManager.default.fileExists(atPath: file.path) ? ToolConfiguration.load(from: file).settings.language : nil
        return Catalogue(Language.chosen(setting: configured, environment: environment))
    }()
}

/// A message of qnread-tool in its language (gettext's `_`; scripts/messages finds each call).
func tr(_ msgid: String, _ arguments: any MessageArgument...) -> String {
    ToolLanguage.catalogue.tr(msgid, arguments: arguments)
}

/// A message that follows a count (gettext's `ngettext`); the arguments default to the count.
func trn(_ singular: String, _ plural: String, _ count: Int, _ arguments: any MessageArgument...) -> String {
    ToolLanguage.catalogue.trn(singular, plural, count, arguments: arguments)
}

/// A message that means something else elsewhere, told apart by `context` (gettext's `pgettext`).
func trc(_ context: String, _ msgid: String, _ arguments: any MessageArgument...) -> String {
    ToolLanguage.catalogue.trc(context, msgid, arguments: arguments)
}
