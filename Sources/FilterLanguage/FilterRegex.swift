import Foundation
import Localization

/// What the filter language knows of the regular expressions after `=~` and `!~`: ICU's syntax (through
/// NSRegularExpression), which reads what newsboat's POSIX extended expressions say, matched case-blind.
/// Checking and splitting only; FeedStorage runs them.
public enum FilterRegex {
    /// Longer patterns are refused: a filter is a few words, and a pasted 10 KB pattern is a mistake or an attack.
    public static let maximumLength = 1_000

    /// Why `pattern` cannot be used, or nil.
    public static func problem(with pattern: String) -> Words? {
        guard pattern.count <= maximumLength else {
            return Words(N_("regular expression too long (%s characters; at most %s)"), String(pattern.count), String(maximumLength))
        }
        do {
            _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            return nil
        } catch {
            return Words(N_("not a valid regular expression: \"%s\""), String(shown(pattern)))
        }
    }

    /// A pattern as an error line quotes it: its first 40 characters, "…" when there is more.
    public static func shown(_ pattern: String) -> String {
        pattern.count > 40 ? pattern.prefix(40) + "…" : pattern
    }

    private static let metacharacters = Set("\\^$.|?*+()[]{}")

    /// The text a pattern with no metacharacter stands for (`title =~ "Québec"`): a plain substring test then
    /// does the regular expression's work, ten times faster.
    public static func literal(of pattern: String) -> String? {
        pattern.contains(where: metacharacters.contains) ? nil : pattern
    }

    /// The pattern cut into the parts to fold like article text (case and accents) and the escapes to keep as
    /// written: `\S` folded to `\s` would mean the opposite, and `\p{Lu}` names a property.
    public static func segments(_ pattern: String) -> [(text: String, isEscape: Bool)] {
        var segments: [(text: String, isEscape: Bool)] = []
        var plain = ""
        var characters = pattern[...]
        while let c = characters.first {
            guard c == "\\", characters.count > 1 else {
                plain.append(c)
                characters.removeFirst()
                continue
            }
            if !plain.isEmpty { segments.append((plain, false)) }
            plain = ""
            var escape = String(characters.prefix(2))
            characters.removeFirst(2)
            // \p{…} \P{…} \N{…} \x{…} \k<…>: the name or number goes with the escape.
            if let closing = ["{": "}", "<": ">"][characters.first.map(String.init) ?? ""],
               "pPNxk".contains(escape.last!), let end = characters.firstIndex(of: Character(closing)) {
                escape += characters[...end]
                characters = characters[characters.index(after: end)...]
            }
            segments.append((escape, true))
        }
        if !plain.isEmpty { segments.append((plain, false)) }
        return segments
    }
}
