import Localization

// A command line described as data: each command a table of its options, flags and arguments, from which the
// parser reads a command line and HelpText, CompletionScript and HelpDump write help, usage, shell completions and
// the man page's description. No reflection: reading a table costs what reading an array costs (issue 16).

/// One command: its name, its words (message ids, translated where they are shown), its rows and subcommands.
public struct CommandTable: Sendable {
    public var name: String
    public var aliases: [String]
    public var abstract: String
    public var discussion: String
    /// Left out of help, completions and the man page; still runs.
    public var isHidden: Bool
    /// Options, flags and arguments, in the order usage lists them.
    public var rows: [ArgumentRow]
    public var subcommands: [CommandTable]
    /// The root's version, which `--version` prints.
    public var version: String?
    /// What the command does with its parsed values; nil for a command that only groups subcommands (its help is
    /// shown when none is named).
    public var run: (@Sendable (ParsedValues) throws -> Void)?

    public init(_ name: String, aliases: [String] = [], abstract: String, discussion: String = "", isHidden: Bool = false,
                rows: [ArgumentRow] = [], subcommands: [CommandTable] = [], version: String? = nil,
                run: (@Sendable (ParsedValues) throws -> Void)? = nil) {
        self.name = name
        self.aliases = aliases
        self.abstract = abstract
        self.discussion = discussion
        self.isHidden = isHidden
        self.rows = rows
        self.subcommands = subcommands
        self.version = version
        self.run = run
    }

    public func abstractText(_ catalogue: Catalogue) -> String { catalogue.tr(abstract) }

    public func discussionText(_ catalogue: Catalogue) -> String { catalogue.tr(discussion) }

    public func subcommand(named word: String) -> CommandTable? {
        subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }
}

/// What a value must be; the parser refuses anything else, naming the option and the value.
public enum ValueKind: Sendable, Equatable {
    case text
    case integer
    case number
    /// One of these words (shown in help, offered by completions).
    case choice([String])
}

/// An option (`--name value`), a flag (`--name`) or a positional argument.
public struct ArgumentRow: Sendable {
    public enum Kind: Sendable { case flag, option, positional }

    public var kind: Kind
    /// The long name without its dashes; for a positional argument, the key its values are found under.
    public var name: String
    public var short: Character?
    /// `<path>` in `--db <path>`, without the brackets.
    public var valueName: String
    public var value: ValueKind
    /// A message id, and what fills its %s and %d.
    public var help: String
    public var helpArguments: [String]
    /// Shown in help as "(default: …)"; the command applies it when the option is not given.
    public var defaultValue: String?
    /// An option given several times keeps every value; a positional argument takes all the words left.
    public var isRepeating: Bool
    public var isRequired: Bool
    public var isHidden: Bool
    /// For a repeating positional argument: words that look like options but name none belong to it (`search
    /// -emploi`), instead of being refused.
    public var takesUnknownOptions: Bool

    public static func flag(_ name: String, short: Character? = nil, help: String, hidden: Bool = false) -> ArgumentRow {
        ArgumentRow(kind: .flag, name: name, short: short, valueName: "", value: .text, help: help, helpArguments: [],
                    defaultValue: nil, isRepeating: false, isRequired: false, isHidden: hidden, takesUnknownOptions: false)
    }

    public static func option(_ name: String, _ value: ValueKind = .text, short: Character? = nil, valueName: String? = nil,
                              default defaultValue: String? = nil, repeating: Bool = false, required: Bool = false,
                              help: String, helpArguments: [String] = [], hidden: Bool = false) -> ArgumentRow {
        ArgumentRow(kind: .option, name: name, short: short, valueName: valueName ?? name, value: value, help: help,
                    helpArguments: helpArguments, defaultValue: defaultValue, isRepeating: repeating, isRequired: required,
                    isHidden: hidden, takesUnknownOptions: false)
    }

    public static func positional(_ name: String, _ value: ValueKind = .text, valueName: String? = nil, repeating: Bool = false,
                                  required: Bool = true, takesUnknownOptions: Bool = false, help: String) -> ArgumentRow {
        ArgumentRow(kind: .positional, name: name, short: nil, valueName: valueName ?? name, value: value, help: help,
                    helpArguments: [], defaultValue: nil, isRepeating: repeating, isRequired: required, isHidden: false,
                    takesUnknownOptions: takesUnknownOptions)
    }

    /// `-h, --help`, which every command has.
    public static let helpFlag = ArgumentRow.flag("help", short: "h", help: N_("Show help information."))
    /// `--version`, which the root has when it has a version.
    public static let versionFlag = ArgumentRow.flag("version", help: N_("Show the version."))

    /// `--db <path>`, `<url>`, `<ids> ...`: how errors and usage name this row.
    public var synopsis: String {
        let dots = isRepeating ? " ..." : ""
        switch kind {
        case .flag: return "--" + name
        case .option: return "--\(name) <\(valueName)>" + dots
        case .positional: return "<\(valueName)>" + dots
        }
    }

    /// The help text in `catalogue`'s language.
    public func helpText(_ catalogue: Catalogue) -> String {
        help.isEmpty ? "" : catalogue.tr(help, arguments: helpArguments)
    }
}
