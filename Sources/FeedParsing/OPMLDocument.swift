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
