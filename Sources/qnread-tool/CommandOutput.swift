import FeedModel
import FeedParsing
import Foundation
import TextSafety

// What commands print. Everything that came from a feed goes through SafeText before it reaches stdout.

/// A command's failure: one line on stderr, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = SafeText.line(message) }
}

enum CommandOutput {
    /// `2025-11-30 14:05`, in the local time zone ($TZ).
    static func shortDate(_ date: Date) -> String {
        let parts = localParts(date)
        return "\(digits(parts.tm_year + 1900, 4))-\(digits(parts.tm_mon + 1, 2))-\(digits(parts.tm_mday, 2)) "
            + "\(digits(parts.tm_hour, 2)):\(digits(parts.tm_min, 2))"
    }

    // The C library rather than DateFormatter: ICU's locale data alone would add 5 MiB to a process that
    // only prints a page of articles.
    private static func localParts(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        tzset()
        localtime_r(&seconds, &parts)
        return parts
    }

    private static func digits(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints a one-line error on stderr, worded as the errors that end a command are (`Error: …`).
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((tr("Error: %s", SafeText.line(message)) + "\n").utf8))
    }

    static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data((tr("warning: %s", SafeText.line(message)) + "\n").utf8))
    }
}

/// An article row as `articles --json` and `search --json` print it. `articles --json` adds the authors,
/// enclosures and feed URL, and with `--content` the HTML; values it does not have are left out.
struct ArticleJSON: Encodable {
    /// Raw numbers for programs, and the same two as people read them (`size`, `durationText`).
    struct EnclosureJSON: Encodable {
        var url: String
        var type: String?
        var length: Int64?
        var size: String?
        var duration: Int?
        var durationText: String?
        var title: String?

        init(_ enclosure: Enclosure) {
            url = SafeText.line(enclosure.url)
            type = enclosure.type.map(SafeText.line)
            length = enclosure.length
            size = enclosure.length.map(MediaText.size)
            duration = enclosure.duration
            durationText = enclosure.duration.map(MediaText.duration)
            title = enclosure.title.map(SafeText.line)
        }
    }

    var id: Int64
    var feedID: Int64
    var feed: String
    var feedURL: String?
    var title: String
    var link: String?
    var date: String
    var read: Bool
    var starred: Bool
    var authors: [String]?
    var enclosures: [EnclosureJSON]?
    /// The article's HTML as the reader renders it: its content, else its summary.
    var content: String?

    init(_ summary: ArticleSummary) {
        id = summary.id.rawValue
        feedID = summary.feedID.rawValue
        feed = SafeText.line(summary.feedTitle)
        title = SafeText.line(summary.title)
        link = summary.link.map(SafeText.line)
        date = FeedDate.rfc3339(summary.date)
        read = summary.isRead
        starred = summary.isStarred
    }

    init(_ summary: ArticleSummary, details article: Article, feedURL: String?, withContent: Bool) {
        self.init(summary)
        self.feedURL = feedURL.map(SafeText.line)
        let authors = article.authors.map(SafeText.line).filter { !$0.isEmpty }
        self.authors = authors.isEmpty ? nil : authors
        let enclosures = article.enclosures.map(EnclosureJSON.init)
        self.enclosures = enclosures.isEmpty ? nil : enclosures
        if withContent, !article.bodyHTML.isEmpty { content = SafeText.removingUnsafe(article.bodyHTML) }
    }
}

extension ArticleSummary {
    /// `  42  2025-11-30 14:05  N*  Québec numérique  Titre`: id, date, unread (N) and starred (*) flags.
    var terminalLine: String {
        let flags = (isRead ? " " : "N") + (isStarred ? "*" : " ")
        let number = String(id.rawValue)
        return String(repeating: " ", count: max(0, 6 - number.count)) + number + "  "
            + CommandOutput.shortDate(date) + "  " + flags + "  " + SafeText.line(feedTitle) + "  " + SafeText.line(title)
    }
}
