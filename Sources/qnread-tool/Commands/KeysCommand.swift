import ArgumentTables
import Localization
import ReaderCore

struct KeysCommand {
    static let table = CommandTable(
        "keys",
        abstract: N_("Print the key bindings in effect on each screen (defaults plus config.toml), then the macros."),
        rows: GlobalOptions.rows,
        run: { try KeysCommand($0).run() })

    var global: GlobalOptions

    init(_ values: ParsedValues) {
        global = GlobalOptions(values)
    }

    func run() throws {
        let loaded = global.loadConfiguration()
        var blocks: [String] = []
        for screen in ScreenKind.allCases {
            let listing = KeyListing(keymap: loaded.configuration.keymap, screen: screen, catalogue: ToolLanguage.catalogue)
            blocks.append((["[\(screen.rawValue)] " + tr(screen.title)] + listing.textLines).joined(separator: "\n"))
        }
        let macros = KeyListing(macrosOf: loaded.configuration.keymap, on: .feeds, catalogue: ToolLanguage.catalogue)
        if !macros.rows.isEmpty {
            blocks.append((["[macros] " + tr("Macros, on every screen")] + macros.textLines).joined(separator: "\n"))
        }
        print(blocks.joined(separator: "\n\n"))
    }
}
