/// What `qnread`'s command line asks for. Only `--db PATH` and `--config PATH` (also written `--db=PATH`) open the
/// reader at once; any other command line — a subcommand, `--help`, `--version`, a typo — goes to `qnread-tool`,
/// whose full parser runs it or explains what is wrong. So this needs no grammar of its own beyond those two.
public enum ReaderArguments: Equatable {
    case reader(databasePath: String?, configPath: String?)
    case tool

    public static func parse(_ arguments: [String]) -> ReaderArguments {
        var values: [String: String] = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            let name: String, value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index < arguments.endIndex, !arguments[index].hasPrefix("-") else { return .tool }
                name = argument
                value = arguments[index]
                index += 1
            }
            guard name == "--db" || name == "--config", values[name] == nil, !value.isEmpty else { return .tool }
            values[name] = value
        }
        return .reader(databasePath: values["--db"], configPath: values["--config"])
    }
}
