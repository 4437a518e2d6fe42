import FilterLanguage
import ReaderConfig
import Testing

@Suite("config.toml's killfile")
struct KillfileConfigTests {
    @Test("ignore_mode and [[ignore]] tables become the killfile, rules in file order")
    func rules() throws {
        let config = ReaderConfiguration.parse(#"""
            ignore_mode = "display"
            [[ignore]]
            feed = "*"
            filter = 'title =~ "Commandité" or author = "Robot"'

            [[ignore]]
            feed = "https://*.example/*"
            filter = "tags # \"balado\" and age > 30"

            [[ignore]]
            filter = 'title =~ "^\s*\[pub\]"'
            """#)
        #expect(config.errors == [])
        #expect(config.killfile.mode == .display)
        #expect(config.killfile.rules.map(\.feed) == ["*", "https://*.example/*", "*"])
        #expect(config.killfile.rules.map(\.filter.text) == [
            #"title =~ "Commandité" or author = "Robot""#, #"tags # "balado" and age > 30"#, #"title =~ "^\s*\[pub\]""#,
        ])
        #expect(ReaderConfiguration.parse("").killfile == Killfile(mode: .download, rules: []))
    }

    @Test("A bad rule is config.toml:LINE: reason, a bad filter with its column; the good rules still apply")
    func badRules() throws {
        let config = ReaderConfiguration.parse(#"""
            ignore_mode = "cacher"
            [[ignore]]
            feed = "*"
            filter = 'unread = "yes" and titel =~ "x"'

            [[ignore]]
            feed = "*"
            filter = 'title =~ "Commandité"'

            [[ignore]]
            feed = "https://a.example/feed"

            [[ignore]]
            feed = "https://a.example/ feed"
            filter = 'title = "x"'

            [[ignore]]
            feed = "*"
            filtre = 'title = "x"'

            [[ignore]]
            filter = 'title =~ "(québec"'

            [[ignore]]
            feed = "regex:https?://(nitter"
            filter = 'title =~ "^RT by"'
            """#)
        #expect(config.errors.map(\.description) == [
            #"config.toml:1: ignore_mode must be "download" or "display""#,
            #"config.toml:4: filter: column 20: unknown attribute "titel""#,
            #"config.toml:10: [[ignore]] needs a filter, such as filter = 'title =~ "Commandité"'"#,
            #"config.toml:14: feed must be "*", a feed's URL, a glob on URLs such as "https://*.example/*" or "regex:PATTERN""#,
            #"config.toml:19: unknown key "filtre" in [[ignore]] (use feed and filter)"#,
            #"config.toml:22: filter: column 10: not a valid regular expression: "(québec""#,
            #"config.toml:25: feed: not a valid regular expression: "https?://(nitter""#,
        ])
        #expect(config.killfile.rules.map(\.filter.text) == [#"title =~ "Commandité""#])
        #expect(config.killfile.mode == .download)
        #expect(ReaderConfiguration.parse("ignore = 3").errors.map(\.description)
                == ["config.toml:1: ignore must be [[ignore]] tables, each with a feed and a filter"])
    }
}
