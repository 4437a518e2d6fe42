import Foundation
import ReaderConfig
import Localization
import ReaderCore
import ScreenKit
import Testing

@Suite("config.toml")
struct ConfigFileTests {
    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }

    @Test("Every setting and binding of a full file is read")
    func fullFile() {
        let config = ReaderConfiguration.load(from: Self.fixture("config-full.toml"))
        #expect(config.errors == [])
        let s = config.settings
        #expect(s.theme == "solarized-dark")
        #expect(s.browser == ["w3m", "-o", "confirm_qq=false"])
        #expect(s.reloadOnStart && s.reloadEveryMinutes == 30 && s.maxParallelFetches == 6)
        #expect(!s.showRead && !s.mouse)
        #expect(s.dateFormat == "%d %b %H:%M")
        #expect(s.retentionDays == 90 && s.retentionPerFeed == 500)
        #expect(s.fetchTimeoutSeconds == 45 && s.lowSpeedBytesPerSecond == 2000 && s.lowSpeedSeconds == 20)
        let keys = config.keymap
        #expect(keys.resolve(KeyEvent.sequence(named: "C-r")!, on: .feeds) == .actions([.reloadAll]))
        #expect(keys.resolve(KeyEvent.sequence(named: "g")!, on: .feeds) == .needMore(exact: [.top]))
        #expect(keys.resolve(KeyEvent.sequence(named: "x")!, on: .articles) == .actions([.toggleRead, .down]))
        #expect(keys.resolve(KeyEvent.sequence(named: "n")!, on: .articles) == .unbound)
        #expect(keys.resolve(KeyEvent.sequence(named: "n")!, on: .search) == .actions([.nextUnread]))
        #expect(keys.resolve(KeyEvent.sequence(named: "F5")!, on: .article) == .actions([.reloadAll]))
    }

    @Test("Each bad line is reported as config.toml:LINE: reason, and the good lines still apply")
    func brokenFile() {
        let config = ReaderConfiguration.load(from: Self.fixture("config-broken.toml"))
        #expect(config.errors.map(\.description) == [
            "config-broken.toml:2: reload_every_minutes must be a whole number from 0 to 10080",
            "config-broken.toml:3: unknown setting \"couleur\"",
            "config-broken.toml:6: unknown action \"descendre\" for \"j\"",
            "config-broken.toml:7: \"C-\" is not a key name (try \"j\", \"C-r\", \"M-x\", \"Enter\", \"F5\", \"PgDn\", \"g g\")",
            "config-broken.toml:8: action \"show-links\" does not apply to the feed list screen",
            "config-broken.toml:11: unknown key section [keys.ailleurs] (use global, feeds, articles, article, search, help, tags, enclosures)",
        ])
        #expect(config.keymap.resolve([.character("J")], on: .feeds) == .actions([.down]))
        #expect(config.keymap.resolve([.character("j")], on: .feeds) == .actions([.down]), "a bad binding leaves the default")
    }

    @Test("A TOML syntax error names its line and the defaults apply")
    func syntaxError() {
        let config = ReaderConfiguration.load(from: Self.fixture("config-syntax.toml"))
        #expect(config.errors.count == 1)
        #expect(config.errors[0].description.hasPrefix("config-syntax.toml:2: "))
        #expect(config.keymap == Keymap.defaults)
    }

    @Test("A missing file means the defaults, with no error")
    func missingFile() {
        let config = ReaderConfiguration.load(from: URL(fileURLWithPath: "/nonexistent/qnread/config.toml"))
        #expect(config.errors.isEmpty)
        #expect(config.settings == Settings())
    }

    // toml++ 3.4.0, inside TOMLKit 0.6.0, asserts on a header whose name starts with a character no bare key
    // starts with, and the assertion is there in release builds too: qnread died on these files.
    @Test("A table header named with an accent is an error on its line, not the end of the program")
    func accentedHeader() {
        let config = ReaderConfiguration.load(from: Self.fixture("config-header-accent.toml"))
        #expect(config.errors.map(\.description) == [
            "config-header-accent.toml:4: a table name starts with a letter or digit (A–Z, a–z, 0–9), \"-\" or \"_\", "
                + "or is quoted: [\"écran\"]",
        ])
        #expect(config.settings == Settings())
    }

    // Found by make fuzz (fuzz-config): toml++ skips a byte-order mark, and the check did not.
    @Test("A bad header right after a byte-order mark is an error too")
    func headerAfterByteOrderMark() {
        let config = ReaderConfiguration.load(from: Self.fixture("config-bom-header.toml"))
        #expect(config.errors.map(\.line) == [1])
    }

    @Test("Headers toml++ 3.4.0 aborted on are errors in config and theme files alike", arguments: [
        ("[[[keys]]", 1), ("x = 1\n[=]", 2), ("[", 1), ("[[\n", 1), ("[[ \t@]]", 1), ("[keys]\n  [\u{1}]", 2),
    ])
    func abortingHeaders(text: String, line: Int) {
        #expect(ReaderConfiguration.parse(text).errors.map(\.line) == [line])
        #expect(ThemeFile.parse(text, name: "t", fileName: "t.toml").1.map(\.line) == [line])
    }

    // Found by make fuzz (fuzz-config): toml++ 3.4.0 asserts on an array whose next value starts with "}" or a
    // Unicode line separator.
    @Test("An array missing a value before “}” or a line separator is an error, not the end of the program")
    func arrayMissingValue() {
        let config = ReaderConfiguration.load(from: Self.fixture("config-array-brace.toml"))
        #expect(config.errors.map(\.description) == ["config-array-brace.toml:4: a value is missing after “[” or “,”"])
        for (text, line) in [("x = [1,}", 1), ("x = [\n# }\n\u{2028}]", 3), ("x = {a = [}]}", 1), ("x = [ \u{85} ]", 1)] {
            #expect(ReaderConfiguration.parse(text).errors.map(\.line) == [line], "\(text.debugDescription)")
        }
    }

    @Test("Strings and comments holding “[}” or “,}” read as they are")
    func bracesInStrings() {
        let config = ReaderConfiguration.parse(#"""
        browser = ["nav [}", 'lit ,}', """multi
        x [} ""\"" ,} """, '''ml ,}'''''] # [}
        date_format = "%d [\"}"
        "x,}" = 1
        """#)
        #expect(config.settings.browser == ["nav [}", "lit ,}", "multi\nx [} \"\"\"\" ,} ", "ml ,}''"])
        #expect(config.errors.map(\.description) == ["config.toml:4: unknown setting \"x,}\""])
    }

    @Test("Headers with spaces, quotes, digits or dashes still read")
    func unusualHeaders() {
        let config = ReaderConfiguration.parse("""
        [ "keys" . feeds ]
        "J" = "down"
        [ 'keys'.articles]
        "J" = "down"
        [keys.-_0]
        """)
        #expect(config.errors.map(\.description) == [
            "config.toml:5: unknown key section [keys.-_0] (use global, feeds, articles, article, search, help, tags, enclosures)",
        ])
        #expect(config.keymap.resolve([.character("J")], on: .feeds) == .actions([.down]))
        #expect(config.keymap.resolve([.character("J")], on: .articles) == .actions([.down]))
    }

    @Test("With Windows line endings each error keeps its own line")
    func windowsLineEndings() {
        let config = ReaderConfiguration.parse("theme = \"default\"\r\ncouleur = \"bleu\"\r\n[keys.feeds]\r\n\"j\" = \"descendre\"\r\n")
        #expect(config.errors.map(\.description) == [
            "config.toml:2: unknown setting \"couleur\"",
            "config.toml:4: unknown action \"descendre\" for \"j\"",
        ])
    }

    @Test("browser as a list keeps words with spaces; an unsupported date directive is refused")
    func values() {
        let config = ReaderConfiguration.parse("""
        browser = ["/opt/Mon Navigateur/bin/nav", "--url=%u"]
        date_format = "%Y %Q"
        """)
        #expect(config.settings.browser == ["/opt/Mon Navigateur/bin/nav", "--url=%u"])
        #expect(config.errors.map(\.description) == [
            "config.toml:2: date_format: %Q is not supported (use %Y %y %m %d %e %H %M %S %b %a %j %%)",
        ])
    }

    @Test("Fetch limits out of range are refused and leave qnread-tool's defaults")
    func fetchLimits() {
        let config = ReaderConfiguration.parse("""
        low_speed_seconds = 0
        fetch_timeout_seconds = "60"
        low_speed_bytes_per_second = 0
        """)
        #expect(config.settings.lowSpeedSeconds == nil && config.settings.fetchTimeoutSeconds == nil)
        #expect(config.settings.lowSpeedBytesPerSecond == 0)
        #expect(config.errors.map(\.description) == [
            "config.toml:1: low_speed_seconds must be a whole number from 1 to 3600",
            "config.toml:2: fetch_timeout_seconds must be a whole number from 1 to 3600",
        ])
    }

    @Test("[macros] binds one key each to a list of actions; a bad key or action is an error on its line")
    func macros() {
        let config = ReaderConfiguration.parse("""
        [macros]
        "v" = ["open-in-browser", "toggle-read"]
        "g g" = "top"
        "x" = ["open", "voler"]
        "s" = "toggle-star"
        "m" = ["macro-prefix", "down"]
        """)
        #expect(config.keymap.macros == [KeyEvent.character("v"): [.openInBrowser, .toggleRead],
                                         KeyEvent.character("s"): [.toggleStar]])
        #expect(config.errors.map(\.description) == [
            "config.toml:3: macro \"g g\" must be one key (the one typed after the macro prefix)",
            "config.toml:4: unknown action \"voler\" for \"x\"",
            "config.toml:6: macro \"m\" cannot run macro-prefix",
        ])
    }
}

@Suite("config.toml: the article commands")
struct ArticleCommandConfigTests {
    @Test("pipe and bookmark_command take a string or a list of words; save_dir a path")
    func read() {
        let config = ReaderConfiguration.parse("""
        pipe = ["less", "-R"]
        bookmark_command = "/opt/Mes signets/ajouter"
        save_dir = "~/Articles sauvés"
        """)
        #expect(config.errors == [])
        #expect(config.settings.pipe == ["less", "-R"])
        #expect(config.settings.bookmarkCommand == ["/opt/Mes", "signets/ajouter"], "a string is split on spaces")
        #expect(config.settings.saveDirectory == "~/Articles sauvés")
    }

    @Test("An empty or mistyped command is an error on its line and leaves the setting unset")
    func errors() {
        let config = ReaderConfiguration.parse("""
        pipe = []
        bookmark_command = 3
        save_dir = ""
        """)
        #expect(config.settings.pipe == nil && config.settings.bookmarkCommand == nil && config.settings.saveDirectory == nil)
        #expect(config.errors.map(\.description) == [
            "config.toml:1: pipe must be a string or a list of strings",
            "config.toml:2: bookmark_command must be a string or a list of strings",
            "config.toml:3: save_dir must be a non-empty string",
        ])
    }
}

@Suite("config.toml: the settings table")
struct ConfigSettingsTableTests {
    /// A value of the right kind that differs from the default.
    static func sample(_ setting: ConfigSetting) -> String {
        switch setting.kind {
        case .bool(let path): return Settings()[keyPath: path] ? "false" : "true"
        case .int(let range, _), .optionalInt(let range, _): return String(range.upperBound)
        case .string: return "\"essai\""
        case .optionalString: return "\"/srv/québec\""
        case .command: return "[\"/opt/mon programme\", \"--un\"]"
        case .dateFormat: return "\"%Y %j\""
        case .language: return "\"fr\""
        }
    }

    @Test("language takes a language of the catalogue; another is an error naming the line and the choices")
    func languageSetting() {
        #expect(ReaderConfiguration.parse("language = \"en\"\n").settings.language == .en)
        #expect(ReaderConfiguration.parse("").settings.language == nil)
        let wrong = ReaderConfiguration.parse("theme = \"light\"\nlanguage = \"de\"\n")
        #expect(wrong.settings.language == nil)
        #expect(wrong.errors.map(\.description) == ["config.toml:2: language must be one of \"en\", \"fr\""])
    }

    @Test("Every setting of the table is read from config.toml into the setting it names, and shown back the same")
    func everySettingReads() {
        for setting in ConfigSettings.all {
            let sample = Self.sample(setting)
            let config = ReaderConfiguration.parse("\(setting.name) = \(sample)\n")
            #expect(config.errors == [], "\(setting.name)")
            #expect(setting.tomlValue(in: config.settings) == sample, "\(setting.name)")
            #expect(setting.tomlValue(in: config.settings) != setting.defaultValue, "\(setting.name) changed nothing")
        }
    }

    @Test("Defaults as the man page prints them; unset ones say what applies instead")
    func defaults() {
        #expect(ConfigSettings.named("theme")?.defaultValue == "\"default\"")
        #expect(ConfigSettings.named("reload_every_minutes")?.defaultValue == "0")
        #expect(ConfigSettings.named("show_read")?.defaultValue == "true")
        #expect(ConfigSettings.named("browser")?.defaultValue == nil)
        #expect(ConfigSettings.all.allSatisfy { $0.defaultValue != nil || $0.whenUnset != nil })
        #expect(Set(ConfigSettings.all.map(\.name)).count == ConfigSettings.all.count)
    }
}
