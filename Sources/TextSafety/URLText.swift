import Foundation

/// URL strings from feeds and articles: made absolute where a base is known, left as written where they cannot
/// be. The one resolver for feed links (FeedParsing) and article links (ArticleText).
public enum URLText {
    /// "https:", "mailto:", "tag:" … at the start.
    public static func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z": sawLetter = true
            case "0"..."9", "+", "-", ".": if !sawLetter { return false }
            case ":": return sawLetter
            default: return false
            }
        }
        return false
    }

    /// A URL fit to hand to another program (a browser's argv, the clipboard): unsafe characters removed (a line
    /// break pasted into a shell runs what follows it), and only `scheme:…` text, which no program reads as an
    /// option. Nil for anything else.
    public static func launchable(_ text: String) -> String? {
        let url = SafeText.removingUnsafe(text)
        return hasScheme(url) ? url : nil
    }

    /// A URL usable as a base: absolute, with a scheme and a host or path.
    public static func absoluteURL(_ text: String) -> URL? {
        guard hasScheme(text), let url = URL(string: text), url.scheme != nil else { return nil }
        return url
    }

    public static func resolve(_ reference: String, against base: URL) -> String? {
        if let url = URL(string: reference, relativeTo: base) { return url.absoluteString }
        // Spaces and accents written raw in a link: encode them, then try again.
        let allowed = CharacterSet.urlFragmentAllowed.union(CharacterSet(charactersIn: "#%"))
        guard let encoded = reference.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)?.absoluteString
    }

    /// A URL as reports print it: one safe line, its password (`https://moi:secret@hôte/`) replaced by `***`, so
    /// a feed's credentials reach its server and never a terminal, a log or a report.
    public static func printable(_ text: String) -> String {
        SafeText.collapsedLine(hidingPassword(text))
    }

    static func hidingPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let authorityEnd = text[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? text.endIndex
        let authority = text[scheme.upperBound..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<authority.index(after: colon)]) + "***" + String(text[at...])
    }
}
