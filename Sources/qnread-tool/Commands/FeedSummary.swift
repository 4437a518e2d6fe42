import FeedParsing
import Foundation

/// The short human summary `qnread parse` prints without --json. Every field shown is plain text already;
/// it is sanitized once more, since it goes straight to a terminal.
enum FeedSummary {
    static let shownItems = 10

    static func text(_ feed: ParsedFeed) -> String {
        var lines = [safe(feed.title ?? "(sans titre)") + "  [" + feed.format.rawValue + ", "
                     + trn("%d item", "%d items", feed.items.count) + "]"]
        if let link = feed.link { lines.append(tr("site: %s", safe(link))) }
        if let feedURL = feed.feedURL { lines.append(ToolLanguage.catalogue.trc("parse summary", "feed: %s", safe(feedURL))) }
        if let updated = feed.updated { lines.append(tr("updated: %s", FeedDate.rfc3339(updated))) }
        for item in feed.items.prefix(shownItems) {
            let date = (item.published ?? item.updated).map { String(FeedDate.rfc3339($0).prefix(10)) } ?? "          "
            lines.append("  \(date)  \(safe(item.title ?? item.link ?? item.id ?? "(sans titre)"))")
        }
        if feed.items.count > shownItems { lines.append("  … " + trn("%d more", "%d more", feed.items.count - shownItems)) }
        return lines.joined(separator: "\n")
    }

    private static func safe(_ text: String) -> String { PlainText.sanitized(text) }
}
