import Foundation
import Localization
import TextSafety

/// The argv that opens a URL: the `browser` setting, else $BROWSER, else xdg-open. The URL is always one
/// argv element of its own (or replaces `%u`/`%s` inside one); nothing goes through a shell.
public enum BrowserCommand {
    public enum Refusal: Hashable, WordedError {
        case notAURL(String)

        public var messageID: String {
            switch self {
            case .notAURL: return N_("not opening \"%s\": it is not a URL")
            }
        }

        public var arguments: [String] {
            switch self {
            case .notAURL(let text): return [String(text.prefix(60))]
            }
        }
    }

    public static func argv(for url: String, setting: [String]?, environment: [String: String]) throws -> [String] {
        // A link that starts with "-" would reach the browser as an option: only scheme:… URLs pass.
        guard let url = URLText.launchable(url) else { throw Refusal.notAURL(SafeText.removingUnsafe(url)) }
        var words = setting ?? []
        if words.isEmpty, let browser = environment["BROWSER"], !browser.isEmpty {
            let first = browser.split(separator: ":").first.map(String.init) ?? browser
            words = first.split(separator: " ").map(String.init)
        }
        if words.isEmpty { words = ["xdg-open"] }
        var placed = false
        let argv = words.map { word -> String in
            guard word.contains("%u") || word.contains("%s") else { return word }
            placed = true
            return word.replacingOccurrences(of: "%u", with: url).replacingOccurrences(of: "%s", with: url)
        }
        return placed ? argv : argv + [url]
    }
}
