import Foundation
import TextSafety

/// Gives each distinct URL one number, in order of first appearance, and resolves relative URLs.
struct LinkNumbering {
    let baseURL: URL?
    private(set) var links: [ArticleLink] = []
    private var numbers: [String: Int] = [:]

    init(baseURL: URL?) {
        self.baseURL = baseURL
    }

    mutating func number(for url: String, kind: ArticleLink.Kind) -> Int {
        if let known = numbers[url] { return known }
        let number = links.count + 1
        links.append(ArticleLink(number: number, url: url, kind: kind))
        numbers[url] = number
        return number
    }

    /// The absolute URL an attribute points to; nil for what a reader cannot follow (scripts, inline data,
    /// anchors inside the page).
    func resolve(_ raw: String) -> String? {
        if Self.isPlainAbsolute(raw) { return raw }
        let cleaned = TerminalSafeText.plain(raw)
        guard !cleaned.isEmpty, !cleaned.hasPrefix("#") else { return nil }
        let lowered = cleaned.prefix(11).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("data:") { return nil }
        guard let baseURL else { return cleaned }
        return URLText.resolve(cleaned, against: baseURL) ?? cleaned
    }

    /// Most links are already absolute and clean: printable ASCII after "http://" or "https://".
    private static func isPlainAbsolute(_ raw: String) -> Bool {
        guard raw.hasPrefix("https://") || raw.hasPrefix("http://") else { return false }
        return raw.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
