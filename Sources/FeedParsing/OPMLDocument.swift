import Foundation

// OPML 1.0/2.0 subscription lists, read and written as plain values (used by `qnread feeds import/export`).
// Reading goes through libxml2 in OPMLDocument+Reading.swift; nothing here touches the disk or the clock.

/// An OPML file: its head title and its body's outlines, nested as written.
public struct OPMLDocument: Hashable, Sendable {
    public var title: String?
    public var outlines: [OPMLOutline]

    public init(title: String? = nil, outlines: [OPMLOutline] = []) {
        self.title = title
        self.outlines = outlines
    }
}

/// One `<outline>`: a feed when it has an `xmlUrl`, otherwise a folder of the outlines inside it.
/// Strings are plain text, cleaned of control and bidi-override characters; empty ones are nil.
public struct OPMLOutline: Hashable, Sendable {
    public var text: String?
    public var title: String?
    /// As written: "rss", "atom", "link", "include"…; folders usually have none.
    public var type: String?
    public var xmlURL: String?
    public var htmlURL: String?
    /// The `category` attribute split at commas, each trimmed, as written ("/Tech/Québec" keeps its slashes).
    public var categories: [String]
    public var children: [OPMLOutline]

    public init(text: String? = nil, title: String? = nil, type: String? = nil, xmlURL: String? = nil,
                htmlURL: String? = nil, categories: [String] = [], children: [OPMLOutline] = []) {
        self.text = text
        self.title = title
        self.type = type
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.categories = categories
        self.children = children
    }

    /// What a reader shows: `text` (required by OPML 2.0), else `title`.
    public var name: String? { text ?? title }
}

/// A subscription as a feeds list holds it.
public struct OPMLFeedEntry: Hashable, Sendable {
    public var url: String
    public var title: String?
    public var tags: [String]

    public init(url: String, title: String? = nil, tags: [String] = []) {
        self.url = url
        self.title = title
        self.tags = tags
    }
}

/// Why a file could not be read as OPML, on one line naming the file.
public struct OPMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
