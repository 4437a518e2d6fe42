import ScreenKit

// `render`: the whole screen as a pure function of the state. Row 0 is the title bar, the last row the status
// bar (or the prompt), everything between is the current screen.

extension AppState {
    public func render() -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height, fill: theme.style(.normal))
        guard size.width > 0, size.height > 0 else { return canvas }
        let content = Rect(x: 0, y: 1, width: size.width, height: contentHeight)
        if size.height >= 2 {
            let (left, right) = titleText
            StatusBar.draw(left: left, right: right, in: Rect(x: 0, y: 0, width: size.width, height: 1),
                           on: &canvas, style: theme.style(.title))
        }
        switch stack.last {
        case nil: drawFeedList(in: content, on: &canvas)
        case .articles(let list)?: drawArticleList(list, in: content, on: &canvas)
        case .article(let pager)?: drawPager(pager, in: content, on: &canvas)
        case .help(let help)?:
            PagerWidget.draw(helpLines(for: help.about), offset: help.offset, in: content, on: &canvas,
                             background: theme.style(.normal), style: theme.style(for:))
        case .tags(let list)?: drawTagChooser(list, in: content, on: &canvas)
        case .enclosures(let list)?: drawEnclosures(list, in: content, on: &canvas)
        }
        drawBottomLine(on: &canvas)
        return canvas
    }

    private var titleText: (String, String) {
        let unread = countedFeeds.reduce(0) { $0 + $1.unreadCount }
        switch stack.last {
        case nil:
            return ("qnread — " + catalogue.tr("Feeds") + (tagFilter.map { catalogue.tr(" · tag %s", $0) } ?? ""),
                    catalogue.trn("%d unread", "%d unread", unread))
        case .articles(let list)?:
            if list.isLoading { return ("qnread — " + list.title, catalogue.tr("loading…")) }
            switch list.source {
            case .feed(let id):
                let feed = feeds.first { $0.id == id }
                return ("qnread — " + list.title, feed.map { catalogue.trn("%d unread", "%d unread", $0.unreadCount) + ", " + catalogue.trn("%d total", "%d total", $0.totalCount) } ?? "")
            case .all:
                return ("qnread — " + list.title, catalogue.trn("%d unread", "%d unread", unread))
            case .tag(let tag):
                let tagged = countedFeeds.filter { $0.tags.contains(tag) }.reduce(0) { $0 + $1.unreadCount }
                return ("qnread — " + list.title, catalogue.trn("%d unread", "%d unread", tagged))
            case .starred, .search:
                return ("qnread — " + list.title, "")
            }
        case .article(let pager)?:
            return ("qnread — " + (pager.article?.feedTitle ?? "…"), pager.article?.status.isStarred == true ? "★" : "")
        case .help(let help)?:
            return ("qnread — " + catalogue.tr("Help: %s", catalogue.tr(help.about.title)), catalogue.tr("q closes"))
        case .tags?:
            return ("qnread — " + catalogue.tr("Tags"), catalogue.tr("Enter shows the feeds of a tag"))
        case .enclosures(let list)?:
            return ("qnread — " + catalogue.tr("Enclosures"),
                    list.isLoading ? catalogue.tr("loading…") : catalogue.trn("%d new", "%d new", newEnclosureCount))
        }
    }

    private func drawBottomLine(on canvas: inout Canvas) {
        let row = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        if let prompt {
            canvas.cursor = PromptLine.draw(prompt: prompt.label(catalogue), editor: prompt.editor, in: row, on: &canvas,
                                            style: theme.style(.status))
            return
        }
        var right: [String] = []
        if let reload { right.append(catalogue.tr("Reloading %d/%d…", reload.done, reload.total)) }
        if let downloads {
            let done = downloads.done + downloads.failed
            right.append(downloads.percent.map { catalogue.tr("Downloading %d/%d (%d%%)…", done, downloads.total, $0) }
                ?? catalogue.tr("Downloading %d/%d…", done, downloads.total))
        }
        if let position { right.append(position) }
        let left = status?.text ?? hints
        let leftStyle = status?.isError == true ? theme.style(.error).over(theme.style(.status)) : nil
        StatusBar.draw(left: left, right: right.joined(separator: "  "), in: row, on: &canvas,
                       style: theme.style(.status), leftStyle: leftStyle)
    }

    /// Where the reader is: row N of M, or the pager's line and percentage.
    private var position: String? {
        switch stack.last {
        case nil:
            return catalogue.number(min(feedList.selection + 1, feedRows.count)) + "/" + catalogue.number(feedRows.count)
        case .articles(let list)?:
            guard !list.items.isEmpty else { return "0/0" }
            return catalogue.number(list.list.selection + 1) + "/" + catalogue.number(list.items.count) + (list.isComplete ? "" : "+")
        case .article(let pager)?:
            guard !pager.lines.isEmpty else { return nil }
            let bottom = min(pager.lines.count, pager.offset + contentHeight)
            return catalogue.tr("%d/%d %d%%", bottom, pager.lines.count, bottom * 100 / pager.lines.count)
        case .help?:
            return nil
        case .tags(let list)?:
            return catalogue.number(min(list.selection + 1, tagRows.count)) + "/" + catalogue.number(tagRows.count)
        case .enclosures(let list)?:
            return catalogue.number(min(list.list.selection + 1, list.items.count)) + "/" + catalogue.number(list.items.count)
        }
    }

    /// A few keys worth knowing on this screen, read from the keymap. On the feed list, while some feed has never
    /// been fetched (a first run shows only the bundled demo), the key that fetches comes first.
    private var hints: String {
        if screenKind == .feeds, reload == nil, let fetch = fetchHint { return fetch }
        let wanted: [(Action, String)] = [(.back, screenKind == .feeds ? catalogue.tr("Quit") : catalogue.tr("Back")),
                                          (.open, catalogue.tr("Open")), (.nextUnread, catalogue.tr("Next unread")),
                                          (.search, catalogue.tr("Search")), (.help, catalogue.tr("Help"))]
        return wanted.compactMap { action, label in
            keymap.keys(for: action, on: screenKind).first.map { KeyEvent.name(of: $0) + ":" + label }
        }.joined(separator: " ")
    }

    private var fetchHint: String? {
        let never = countedFeeds.filter { $0.fetch.lastAttempt == nil }.count
        guard never > 0, let keys = keymap.keys(for: .reloadAll, on: .feeds).first else { return nil }
        return catalogue.trn("%d feed never fetched: press %s to fetch", "%d feeds never fetched: press %s to fetch", never,
                             never, KeyEvent.name(of: keys))
    }

    func helpLines(for screen: ScreenKind) -> [StyledLine] {
        var lines = [StyledLine([StyledSpan(catalogue.tr("Keys — %s", catalogue.tr(screen.title)), roles: [.heading])]), StyledLine()]
        lines += KeyListing(keymap: keymap, screen: screen, catalogue: catalogue).textLines.map { StyledLine([StyledSpan($0)]) }
        let macros = KeyListing(macrosOf: keymap, on: screen, catalogue: catalogue).textLines
        if !macros.isEmpty {
            lines += [StyledLine(), StyledLine([StyledSpan(catalogue.tr("Macros"), roles: [.heading])])]
            lines += macros.map { StyledLine([StyledSpan($0)]) }
        }
        if screen == .article {
            lines += [StyledLine(), StyledLine([StyledSpan("  " + catalogue.tr("A number then Enter opens that link."), roles: [.dim])])]
        }
        return lines
    }
}
