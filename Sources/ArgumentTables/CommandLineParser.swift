import Localization

/// What a command line asks for, read against the command tables. Pure: arguments in, a request out.
public enum CommandLineRequest {
    /// Run the last command of the path with these values.
    case run([CommandTable], ParsedValues)
    /// `--help`, `-h`, `help COMMAND…`, or a command that only groups subcommands named alone.
    case help([CommandTable])
    case version
    /// `--generate-completion-script SHELL`; nil when no shell was named.
    case completionScript(String?)
    /// `--dump-help`: every table as JSON, for scripts/man-page.
    case helpDump
    /// A usage error: what is wrong, and the command whose usage to show.
    case usageError(Words, [CommandTable])
}

public enum CommandLineParser {
    /// Reads `arguments` (without the program's name) against `root`. Options of every command on the way are
    /// accepted after it too (`qnread show 3 --db PATH`); `--` ends the options; `--help` anywhere wins.
    public static func parse(_ arguments: [String], root: CommandTable) -> CommandLineRequest {
        switch arguments.first {
        case "--generate-completion-script"?: return .completionScript(arguments.dropFirst().first)
        case let first? where first.hasPrefix("--generate-completion-script="):
            return .completionScript(String(first.dropFirst("--generate-completion-script=".count)))
        case "--dump-help"?: return .helpDump
        case "help"?: return .help(path(of: arguments.dropFirst(), from: root))
        default: break
        }
        var reading = Reading(root: root)
        reading.read(arguments)
        return reading.request()
    }

    /// `help feeds add`: the commands named, as far as they name one.
    private static func path(of words: ArraySlice<String>, from root: CommandTable) -> [CommandTable] {
        var path = [root]
        for word in words {
            guard let next = path[path.count - 1].subcommand(named: word) else { break }
            path.append(next)
        }
        return path
    }
}

/// One pass over the arguments: the command path, the values, and the first problem met.
private struct Reading {
    var path: [CommandTable]
    var values = ParsedValues()
    var positionals: [String] = []
    var wantsHelp = false
    var wantsVersion = false
    var problem: Words?

    init(root: CommandTable) {
        path = [root]
    }

    var command: CommandTable { path[path.count - 1] }

    mutating func read(_ arguments: [String]) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                word(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                long(argument, arguments, &index)
            } else {
                short(argument, arguments, &index)
            }
        }
    }

    private mutating func fail(_ words: Words) {
        if problem == nil { problem = words }
    }

    /// A subcommand's name where one is expected, else a positional argument.
    private mutating func word(_ argument: String) {
        if !command.subcommands.isEmpty {
            guard let next = command.subcommand(named: argument) else {
                return fail(Words(N_("Unexpected argument '%s'"), argument))
            }
            path.append(next)
            return
        }
        positionals.append(argument)
    }

    /// The row called `name` in the path's commands, the nearest first.
    private func row(_ matches: (ArgumentRow) -> Bool) -> ArgumentRow? {
        for command in path.reversed() {
            if let row = command.rows.first(where: { $0.kind != .positional && matches($0) }) { return row }
        }
        return nil
    }

    /// The current command's catch-all argument (`search`'s words), which takes what names no option.
    private var catchAll: ArgumentRow? {
        command.rows.first { $0.kind == .positional && $0.takesUnknownOptions }
    }

    private mutating func long(_ argument: String, _ arguments: [String], _ index: inout Int) {
        let equals = argument.firstIndex(of: "=")
        let name = String(argument[argument.index(argument.startIndex, offsetBy: 2)..<(equals ?? argument.endIndex)])
        let inline = equals.map { String(argument[argument.index(after: $0)...]) }
        switch name {
        case "help": wantsHelp = true; return
        case "version" where inline == nil: wantsVersion = true; return
        default: break
        }
        guard let row = row({ $0.name == name }) else {
            if catchAll != nil { return positionals.append(argument) }
            return fail(Words(N_("Unknown option '%s'"), "--" + name))
        }
        if row.kind == .flag {
            guard inline == nil else { return fail(Words(N_("The flag '%s' does not take a value"), "--" + name)) }
            return values.append("", for: row.name)
        }
        take(row, inline, arguments, &index)
    }

    /// `-h`, or several one-letter flags together (`-ab`); a one-letter option takes the rest of the word or the next.
    /// A word with a letter that names nothing belongs to a catch-all argument where there is one (`search -hôtel`).
    private mutating func short(_ argument: String, _ arguments: [String], _ index: inout Int) {
        let letters = argument.dropFirst()
        if let unknown = unknownLetter(letters) {
            if catchAll != nil { return positionals.append(argument) }
            return fail(Words(N_("Unknown option '%s'"), "-" + String(unknown)))
        }
        var rest = letters
        while let letter = rest.first {
            rest = rest.dropFirst()
            if letter == "h" {
                wantsHelp = true
            } else if let row = row({ $0.short == letter }) {
                guard row.kind == .option else {
                    values.append("", for: row.name)
                    continue
                }
                return take(row, rest.isEmpty ? nil : String(rest), arguments, &index)
            }
        }
    }

    /// The first letter that names no flag or option, up to an option's letter (what follows it is its value).
    private func unknownLetter(_ letters: Substring) -> Character? {
        for letter in letters where letter != "h" {
            guard let row = row({ $0.short == letter }) else { return letter }
            if row.kind == .option { return nil }
        }
        return nil
    }

    /// An option's value: after `=`, else the next argument unless that is an option (a negative number is a value).
    private mutating func take(_ row: ArgumentRow, _ inline: String?, _ arguments: [String], _ index: inout Int) {
        var value = inline
        if value == nil, index < arguments.count {
            let next = arguments[index]
            if !next.hasPrefix("-") || next == "-" || (row.value != .text && Double(next) != nil) {
                value = next
                index += 1
            }
        }
        guard let value else { return fail(Words(N_("Missing value for '%s'"), row.synopsis)) }
        store(value, row)
    }

    private mutating func store(_ value: String, _ row: ArgumentRow) {
        if let problem = Self.check(value, row) { return fail(problem) }
        values.append(value, for: row.name)
    }

    /// Why `value` does not fit `row`, if it does not.
    static func check(_ value: String, _ row: ArgumentRow) -> Words? {
        let named = row.kind == .positional ? "<\(row.valueName)>" : "--\(row.name) <\(row.valueName)>"
        switch row.value {
        case .text: return nil
        case .integer: return Int(value) == nil ? Words(N_("The value '%s' is invalid for '%s'"), value, named) : nil
        case .number: return Double(value) == nil ? Words(N_("The value '%s' is invalid for '%s'"), value, named) : nil
        case .choice(let words):
            guard !words.contains(value) else { return nil }
            let listed = words.map { "'\($0)'" }
            let choices = listed.count < 2 ? Words(listed.joined())
                : Words(N_("%s or %s"), listed.dropLast().joined(separator: ", "), listed[listed.count - 1])
            return Words(N_("The value '%s' is invalid for '%s'. Please provide one of %s."),
                         arguments: [.text(value), .text(named), .words(choices)])
        }
    }

    /// The positional arguments to their rows, in order; a repeating one takes all the rest.
    private mutating func placePositionals() {
        var next = 0
        for row in command.rows where row.kind == .positional {
            let taken = row.isRepeating ? positionals[next...] : positionals[next..<min(next + 1, positionals.count)]
            next += taken.count
            if taken.isEmpty && row.isRequired { fail(Words(N_("Missing expected argument '%s'"), row.synopsis)) }
            for value in taken { store(value, row) }
        }
        if next < positionals.count { fail(Words(N_("Unexpected argument '%s'"), positionals[next])) }
        for command in path {
            for row in command.rows where row.kind == .option && row.isRequired && values.given[row.name] == nil {
                fail(Words(N_("Missing expected argument '%s'"), row.synopsis))
            }
        }
    }

    mutating func request() -> CommandLineRequest {
        if wantsHelp { return .help(path) }
        if wantsVersion { return .version }
        if problem == nil { placePositionals() }
        if let problem { return .usageError(problem, path) }
        return command.run == nil ? .help(path) : .run(path, values)
    }
}
