import ArgumentTables
import Localization

/// Options every command accepts, before or after its name (they are the root's rows, which every command's
/// command line may use); the commands that use them list them in their own tables too, so their help shows them.
struct GlobalOptions {
    var db: String?
    var config: String?

    static let rows: [ArgumentRow] = [
        .option("db", valueName: "path", help: N_("The database file (default: $QNREAD_DB, else $XDG_DATA_HOME/qnread/qnread.sqlite).")),
        .option("config", valueName: "path", help: N_("The config file (default: $XDG_CONFIG_HOME/qnread/config.toml).")),
    ]

    init(_ values: ParsedValues) {
        db = values.string("db")
        config = values.string("config")
    }
}
