/// Between the outline tree and a flat feeds list.
///
/// Tags, decided as newsboat's `-i` import does: the enclosing folders make one tag, their names joined with
/// "/" (a feed in « Québec » inside « Tech » gets "Tech/Québec"). The OPML 2.0 `category` attribute, which
/// newsboat ignores, adds one tag per comma-separated entry, its whole path kept with the leading slash
/// dropped ("/Tech/Québec" → "Tech/Québec"), so a folder and a category naming the same place agree.
/// A feed listed twice (in two folders, as Feedly exports multi-tag feeds) becomes one entry with the
/// union of the tags; its first title wins. Newsboat keeps the first and drops the later tags; we keep them.
extension OPMLDocument {
    public var feeds: [OPMLFeedEntry] {
        var entries: [OPMLFeedEntry] = []
        var indexByURL: [String: Int] = [:]
        func visit(_ outlines: [OPMLOutline], folders: [String]) {
            for outline in outlines {
                guard let url = outline.xmlURL else {
                    visit(outline.children, folders: outline.name.map { folders + [$0] } ?? folders)
                    continue
                }
                var tags = folders.isEmpty ? [] : [folders.joined(separator: "/")]
                tags += outline.categories.compactMap(OPMLDocument.tag(fromCategory:))
                if let index = indexByURL[url] {
                    entries[index].tags = OPMLDocument.unique(entries[index].tags + tags)
                } else {
                    indexByURL[url] = entries.count
                    // A name that only repeats the URL (what export writes for an untitled feed) is no title.
                    let title = outline.name == url ? nil : outline.name
                    entries.append(OPMLFeedEntry(url: url, title: title, tags: OPMLDocument.unique(tags)))
                }
                // Some readers nest a feed's items under it; feeds inside a feed keep the same folders.
                visit(outline.children, folders: folders)
            }
        }
        visit(outlines, folders: [])
        return entries
    }

    /// A flat list, every feed under no folder, its tags in `category`: what `qnread feeds export` writes.
    public init(title: String?, feeds: [OPMLFeedEntry]) {
        self.init(title: title, outlines: feeds.map { feed in
            OPMLOutline(text: feed.title, title: feed.title, type: "rss", xmlURL: feed.url, categories: feed.tags)
        })
    }

    /// Slashes off both ends, and the blanks they leave behind (cleaned again until none is left): "/Tech / /"
    /// is "Tech", so an exported tag reads back as itself.
    private static func tag(fromCategory category: String) -> String? {
        var path = Substring(category)
        while path.first == "/" || path.last == "/" {
            while path.first == "/" { path = path.dropFirst() }
            while path.last == "/" { path = path.dropLast() }
            guard let cleaned = clean(String(path)) else { return nil }
            path = Substring(cleaned)
        }
        return path.isEmpty ? nil : String(path)
    }

    private static func unique(_ tags: [String]) -> [String] {
        var seen: Set<String> = []
        return tags.filter { seen.insert($0).inserted }
    }
}
