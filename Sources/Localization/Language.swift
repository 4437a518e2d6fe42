/// The languages the interface speaks. English is the text in the code (gettext's msgid); each other language is a
/// `po/LANG.po` file a translator edits, turned into a table at build time (by the
/// CatalogueTables plugin).
public enum Language: String, CaseIterable, Hashable, Sendable {
    case en
    case fr

    /// POSIX's order for messages: the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides.
    /// `fr`, `fr_CA.UTF-8`, `fr_FR@euro` are French; anything else (C, POSIX, en_US…) is English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return named(localeName: value) ?? .en
        }
        return .en
    }

    /// The interface's language: the `language` setting when config.toml has one, else the environment's.
    public static func chosen(setting: Language?, environment: [String: String]) -> Language {
        setting ?? fromEnvironment(environment)
    }

    /// The language of a locale name such as `fr_CA.UTF-8`, when the interface speaks it.
    static func named(localeName: String) -> Language? {
        let code = localeName.prefix { $0.isLetter }.lowercased()
        return Language(rawValue: code)
    }

    /// gettext's plural rule for the language: which of msgstr[0], msgstr[1] a count takes. French counts 0 and 1 as
    /// singular (`0 article`, `1 article`, `2 articles`); English only 1.
    public func pluralIndex(_ count: Int) -> Int {
        switch self {
        case .en: return count == 1 ? 0 : 1
        case .fr: return count > 1 ? 1 : 0
        }
    }
}
