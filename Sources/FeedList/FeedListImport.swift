import FeedParsing
import Foundation

/// Another reader's list as feeds-list entries: an OPML file (folders and categories become tags, by
/// `OPMLDocument.feeds`' rules) or a newsboat `urls` file, told apart by content. What `qnread feeds import` adds,
/// and what the admin's remote list is cached as.
public struct FeedListImport: Hashable, Sendable {
    public var entries: [FeedListEntry]
    /// Feeds left out: `FILE: reason` for OPML, `FILE:LINE: reason` for a `urls` file.
    public var problems: [FeedListProblem]

    /// `name` is shown in problems (usually the path). Throws when the data is OPML that cannot be read.
    public init(_ data: Data, name: String) throws(OPMLError) {
        if Self.isOPML(data, name: name) {
            self.init(try OPMLDocument(parsing: data, source: name), name: name)
        } else {
            self.init(FeedListFile(name: name, text: UTF8Repair.text(data)))
        }
    }

    /// A `urls` file's feeds, and its bad lines.
    public init(_ file: FeedListFile) {
        entries = file.entries
        problems = file.problems
    }

    public init(_ document: OPMLDocument, name: String) {
        entries = []
        problems = []
        for feed in document.feeds {
            if let reason = FeedListFile.problem(withURL: feed.url) {
                problems.append(FeedListProblem(file: name, line: 0, reason: reason))
                continue
            }
            // A leading "~" would turn a tag into a title in the feeds list.
            let tags = feed.tags.map { $0.hasPrefix("~") ? String($0.drop { $0 == "~" }) : $0 }.filter { !$0.isEmpty }
            entries.append(FeedListEntry(url: feed.url, tags: tags, title: feed.title))
        }
    }

    /// By content, not by name: an OPML file starts with XML and has an <opml> element near the top.
    static func isOPML(_ data: Data, name: String) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("<opml") || (name.lowercased().hasSuffix(".opml") && head.contains("<"))
    }
}
