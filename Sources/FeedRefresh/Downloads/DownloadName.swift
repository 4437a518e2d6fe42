import Foundation
import TextSafety

/// A download's path under the download directory, from `download_name` ("%f/%t.%e"): %f the feed's title, %t the
/// article's, %e the extension, %d the article's date (YYYY-MM-DD), %% a %. The template's own slashes make
/// directories; each part, whatever the feed put in it, goes through SafeFileName (no `..`, no slash, no control
/// character, no leading dot or dash, at most 200 bytes). Pure: the downloader checks what exists.
public struct DownloadName: Sendable, Hashable {
    public var template: String

    public init(template: String) { self.template = template }

    /// The path components, the last one the file; `number` 2 or more is put before the extension ("Titre (2).mp3").
    public func components(feedTitle: String, articleTitle: String, date: Date, url: String, type: String?,
                           number: Int? = nil) -> [String] {
        let ext = Self.fileExtension(url: url, type: type)
        var parts = template.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.isEmpty { parts = ["%t.%e"] }
        var out: [String] = []
        for (index, part) in parts.enumerated() {
            let values: [Character: String] = ["f": feedTitle, "t": articleTitle, "e": ext, "d": Self.day(date), "%": "%"]
            guard index == parts.count - 1 else {
                out.append(SafeFileName.make(from: Self.expand(part, values), extension: "", fallback: "qnread"))
                continue
            }
            // ".%e" at the end is the extension: kept whole when the title is cut to fit.
            let stem = part.hasSuffix(".%e") ? String(part.dropLast(3)) : part
            out.append(SafeFileName.make(from: Self.expand(stem, values), extension: part.hasSuffix(".%e") ? ext : "",
                                         fallback: "episode", number: number))
        }
        return out
    }

    /// From the URL's path when it ends in a media or document extension ("ep7.mp3?src=rss" → mp3), else from the
    /// type, else "bin". Only those: `P` opens the file with whatever handles its extension, and a feed's
    /// "ep7.sh" or "ep7.html" must not pick a program that runs it.
    static func fileExtension(url: String, type: String?) -> String {
        let path = URL(string: url)?.path ?? ""
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        if let dot = last.lastIndex(of: "."), last.startIndex != dot {
            let ext = last[last.index(after: dot)...].lowercased()
            if urlExtensions.contains(ext) { return ext }
        }
        let media = type?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return typeExtensions[media] ?? "bin"
    }

    private static let typeExtensions = [
        "audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/mp4": "m4a", "audio/x-m4a": "m4a", "audio/aac": "aac",
        "audio/ogg": "ogg", "audio/opus": "opus", "audio/flac": "flac", "audio/wav": "wav", "audio/x-wav": "wav",
        "video/mp4": "mp4", "video/x-m4v": "m4v", "video/webm": "webm", "video/quicktime": "mov", "video/ogg": "ogv",
        "video/x-matroska": "mkv", "application/pdf": "pdf", "application/epub+zip": "epub", "application/ogg": "ogg",
        "image/jpeg": "jpg", "image/png": "png",
    ]

    /// The extensions a URL may give: the type table's, and a few more that podcasts use.
    private static let urlExtensions = Set(typeExtensions.values).union(["m4b", "mka", "oga", "avi", "jpeg"])

    private static func expand(_ part: String, _ values: [Character: String]) -> String {
        var out = ""
        var escaped = false
        for ch in part {
            if escaped {
                // SafeFileName turns the values' own slashes into "-" later; a value never adds a directory.
                out += values[ch] ?? "%\(ch)"
                escaped = false
            } else if ch == "%" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("%") }
        return out
    }

    private static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
