import FeedList
import FilterLanguage
import Localization
import Foundation
import ReaderCore
import ScreenKit
import TOMLKit

// Reads config.toml into settings and a keymap. Every problem becomes a ConfigError with its line, and the
// rest of the file still applies: a typo never stops the reader from starting.

public struct ReaderConfiguration: Sendable {
    public var settings = Settings()
    public var keymap = Keymap.defaults
    /// `ignore_mode` and the `[[ignore]]` rules: FeedStorage applies them (`FeedStore.useKillfile`).
    public var killfile = Killfile()
    /// The `[sync]` table, when it is there and sound: reloads then sync with that server.
    public var sync: SyncAccount?
    public var errors: [ConfigError] = []

    public init() {}

    /// Reads the file at `url`; a missing file means the defaults, with no error.
    public static func load(from url: URL) -> ReaderConfiguration {
        let name = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else { return ReaderConfiguration() }
        guard let data = try? Data(contentsOf: url) else {
            var config = ReaderConfiguration()
            config.errors.append(ConfigError(file: name, line: nil, messageID: N_("cannot be read")))
            return config
        }
        let text = String(decoding: data, as: UTF8.self)
        var config = parse(text, fileName: name)
        if let warning = config.passwordExposure(file: url, text: text) { config.errors.append(warning) }
        return config
    }

    public static func parse(_ text: String, fileName: String = "config.toml") -> ReaderConfiguration {
        var reader = ConfigReader(fileName: fileName, lines: TOMLKeyLines(text))
        do {
            reader.read(try TOMLDocument.table(text))
        } catch {
            reader.config.errors.append(error.configError(file: fileName))
        }
        var config = reader.config
        // In file order, whatever order the checks ran in (the sort is stable for equal lines).
        config.errors = config.errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        return config
    }
}

/// One pass over a parsed config table, collecting settings, bindings and errors.
struct ConfigReader {
    let fileName: String
    let lines: TOMLKeyLines
    var config = ReaderConfiguration()

    init(fileName: String, lines: TOMLKeyLines) {
        self.fileName = fileName
        self.lines = lines
    }

    mutating func fail(line: Int?, _ reason: String) {
        config.errors.append(ConfigError(file: fileName, line: line, reason: reason))
    }

    mutating func fail(at path: [String], _ reason: String) { fail(line: lines.line(of: path), reason) }

    /// A problem worded by qnread: `messageID` is English with `%s` for each argument, marked N_ for the catalogue.
    mutating func fail(at path: [String], message messageID: String, _ arguments: String...) {
        config.errors.append(ConfigError(file: fileName, line: lines.line(of: path), messageID: messageID, arguments: arguments))
    }

    /// A problem worded elsewhere (a filter's), kept as words so that it is said in the reader's language.
    mutating func fail(at path: [String], _ words: Words) {
        config.errors.append(ConfigError(file: fileName, line: lines.line(of: path), words: words))
    }

    func line(of path: [String]) -> Int? { lines.line(of: path) }

    mutating func read(_ table: TOMLTable) {
        for key in table.keys.sorted(by: { (lines.line(of: [$0]) ?? 0) < (lines.line(of: [$1]) ?? 0) }) {
            guard let value = table[key] else { continue }
            switch key {
            case "keys": readKeys(value)
            case "macros": readMacros(value)
            case "ignore_mode": readIgnoreMode(value)
            case "ignore": readIgnore(value)
            case "sync": readSync(value)
            default:
                guard let setting = ConfigSettings.named(key) else { fail(at: [key], message: N_("unknown setting \"%s\""), key); continue }
                read(value, as: setting)
            }
        }
    }

    /// One setting of the table, checked as its kind says; a wrong value is an error on its line.
    private mutating func read(_ value: TOMLValueConvertible, as setting: ConfigSetting) {
        let key = setting.name
        switch setting.kind {
        case .bool(let path):
            guard let bool = value.bool else { return fail(at: [key], message: N_("%s must be true or false"), key) }
            config.settings[keyPath: path] = bool
        case .int(let range, let path):
            guard let int = int(value, key, range) else { return }
            config.settings[keyPath: path] = int
        case .optionalInt(let range, let path):
            guard let int = int(value, key, range) else { return }
            config.settings[keyPath: path] = int
        case .string(let path):
            guard let string = string(value, key) else { return }
            config.settings[keyPath: path] = string
        case .optionalString(let path):
            guard let string = string(value, key) else { return }
            config.settings[keyPath: path] = string
        case .command(let path):
            guard let words = command(value, key) else { return }
            config.settings[keyPath: path] = words
        case .dateFormat(let path):
            guard let format = string(value, key), dateFormatIsSupported(format, key) else { return }
            config.settings[keyPath: path] = format
        case .language(let path):
            guard let code = string(value, key) else { return }
            guard let language = Language(rawValue: code) else {
                fail(at: [key], message: N_("%s must be one of %s"), key, Language.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                return
            }
            config.settings[keyPath: path] = language
        }
    }

    private mutating func int(_ value: TOMLValueConvertible, _ key: String, _ range: ClosedRange<Int>) -> Int? {
        guard let int = value.int, range.contains(int) else {
            fail(at: [key], message: N_("%s must be a whole number from %s to %s"), key, String(range.lowerBound), String(range.upperBound))
            return nil
        }
        return int
    }

    private mutating func string(_ value: TOMLValueConvertible, _ key: String) -> String? {
        guard let string = value.string, !string.isEmpty else {
            fail(at: [key], message: N_("%s must be a non-empty string"), key)
            return nil
        }
        return string
    }

    /// A program to run (browser, pipe, bookmark_command): a string is split on spaces into argv words; a list
    /// gives the words as they are (for paths with spaces). Never a shell command line.
    private mutating func command(_ value: TOMLValueConvertible, _ key: String) -> [String]? {
        if let string = value.string {
            let words = string.split(separator: " ").map(String.init)
            guard !words.isEmpty else {
                fail(at: [key], message: N_("%s must name a program"), key)
                return nil
            }
            return words
        }
        guard let array = value.array, case let words = array.compactMap({ $0.string }),
              words.count == array.count, !words.isEmpty, !words[0].isEmpty else {
            fail(at: [key], message: N_("%s must be a string or a list of strings"), key)
            return nil
        }
        return words
    }

    private mutating func dateFormatIsSupported(_ format: String, _ key: String) -> Bool {
        var percent = false
        for c in format {
            if percent {
                guard DateText.directives.contains(c) else {
                    fail(at: [key], message: N_("%s: %%%s is not supported (use %%Y %%y %%m %%d %%e %%H %%M %%S %%b %%a %%j %%%%)"), key, String(c))
                    return false
                }
                percent = false
            } else if c == "%" {
                percent = true
            }
        }
        return true
    }

    private mutating func readKeys(_ value: TOMLValueConvertible) {
        guard let sections = value.table else { return fail(at: ["keys"], message: N_("keys must be a table of sections")) }
        let order = ["global"] + ScreenKind.allCases.map(\.rawValue)
        for name in sections.keys.sorted(by: { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }) {
            let screen = ScreenKind(rawValue: name)
            guard name == "global" || screen != nil else {
                fail(at: ["keys", name], message: N_("unknown key section [keys.%s] (use %s)"), name, "\(order.joined(separator: ", "))")
                continue
            }
            guard let bindings = sections[name]?.table else {
                fail(at: ["keys", name], message: N_("[keys.%s] must be a table of \"KEY\" = \"action\""), name)
                continue
            }
            for keyName in bindings.keys.sorted(by: { (lines.line(of: ["keys", name, $0]) ?? 0) < (lines.line(of: ["keys", name, $1]) ?? 0) }) {
                readBinding(keyName, bindings[keyName]!, section: name, screen: screen)
            }
        }
    }

    /// `[macros]`: `"v" = ["open-in-browser", "toggle-read"]`, one key each, run after the macro prefix.
    private mutating func readMacros(_ value: TOMLValueConvertible) {
        guard let table = value.table else { return fail(at: ["macros"], message: N_("macros must be a table of \"KEY\" = [actions]")) }
        for keyName in table.keys.sorted(by: { (lines.line(of: ["macros", $0]) ?? 0) < (lines.line(of: ["macros", $1]) ?? 0) }) {
            let path = ["macros", keyName]
            guard let keys = KeyEvent.sequence(named: keyName), keys.count == 1 else {
                fail(at: path, message: N_("macro \"%s\" must be one key (the one typed after the macro prefix)"), keyName)
                continue
            }
            guard let actions = actions(table[keyName]!, for: keyName, at: path) else { continue }
            if actions.contains(.macroPrefix) {
                fail(at: path, message: N_("macro \"%s\" cannot run macro-prefix"), keyName)
                continue
            }
            config.keymap.bindMacro(keys[0], to: actions)
        }
    }

    private mutating func readBinding(_ keyName: String, _ value: TOMLValueConvertible, section: String, screen: ScreenKind?) {
        let path = ["keys", section, keyName]
        guard let keys = KeyEvent.sequence(named: keyName) else {
            return fail(at: path, message: N_("\"%s\" is not a key name (try \"j\", \"C-r\", \"M-x\", \"Enter\", \"F5\", \"PgDn\", \"g g\")"), keyName)
        }
        guard let actions = actions(value, for: keyName, at: path) else { return }
        if let screen, let action = actions.first(where: { !ActionTable.entry(for: $0).applies(to: screen) }) {
            return fail(at: path, message: N_("action \"%s\" does not apply to the %s screen"), action.rawValue, "\(screen.title.lowercased())")
        }
        config.keymap.bind(keys, to: actions, in: screen)
    }

    /// An action name or a list of them; "none" is the empty list (unbinds). Nil, with the error noted, otherwise.
    private mutating func actions(_ value: TOMLValueConvertible, for keyName: String, at path: [String]) -> [Action]? {
        let names: [String]
        if let single = value.string {
            names = [single]
        } else if let array = value.array, array.allSatisfy({ $0.string != nil }), !array.isEmpty {
            names = array.compactMap { $0.string }
        } else {
            fail(at: path, message: N_("\"%s\" must be bound to an action name or a list of them"), keyName)
            return nil
        }
        if names == ["none"] { return [] }
        var actions: [Action] = []
        for name in names {
            guard let action = Action(rawValue: name) else {
                fail(at: path, message: N_("unknown action \"%s\" for \"%s\""), name, keyName)
                return nil
            }
            actions.append(action)
        }
        return actions
    }
}
