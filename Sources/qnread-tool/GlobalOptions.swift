import ArgumentParser

/// Options every command accepts, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr("The database file (default: $QNREAD_DB, else $XDG_DATA_HOME/qnread/qnread.sqlite)."), valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(tr("The config file (default: $XDG_CONFIG_HOME/qnread/config.toml)."), valueName: "path"))
    var config: String?
}
