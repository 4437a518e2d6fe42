import ScreenKit

extension AppState {
    /// Feed rows: failure mark, title, tags, and unread/total at the right.
    func drawFeedList(in rect: Rect, on canvas: inout Canvas) {
        let rows = feedRows
        guard feedsLoaded || !feeds.isEmpty else {
            canvas.put(catalogue.tr("Loading…"), x: rect.x + 2, y: rect.y, style: theme.style(.dim), maxWidth: rect.width - 2)
            return
        }
        // With a tag filter on, "All articles" counts (and opens) the tagged feeds only.
        let counted = tagFilter.map { tag in countedFeeds.filter { $0.tags.contains(tag) } } ?? countedFeeds
        let totalUnread = counted.reduce(0) { $0 + $1.unreadCount }
        let total = counted.reduce(0) { $0 + $1.totalCount }
        func counts(_ row: FeedRow) -> String {
            switch row {
            case .all: return catalogue.number(totalUnread) + "/" + catalogue.number(total)
            case .starred: return ""
            case .enclosures: return catalogue.number(newEnclosureCount) + "/" + catalogue.number(enclosureCount)
            case .feed(let feed): return catalogue.number(feed.unreadCount) + "/" + catalogue.number(feed.totalCount)
            }
        }
        let countsWidth = rows.map { DisplayWidth.of(counts($0)) }.max() ?? 0
        ListWidget.draw(count: rows.count, state: feedList, in: rect, on: &canvas, background: theme.style(.normal),
                        selected: theme.style(.selected)) { index, rowRect, isSelected, canvas in
            let row = rows[index]
            func styled(_ role: ThemeRole) -> Style {
                isSelected ? theme.style(.selected).over(theme.style(role)) : theme.style(role)
            }
            let hasUnread: Bool
            let title: String
            var tags = ""
            switch row {
            case .all:
                hasUnread = totalUnread > 0
                title = tagFilter.map { catalogue.tr("All articles #%s", $0) } ?? catalogue.tr("All articles")
            case .starred:
                hasUnread = false
                title = catalogue.tr("Starred")
            case .enclosures:
                hasUnread = newEnclosureCount > 0
                title = catalogue.tr("Enclosures")
            case .feed(let feed):
                hasUnread = feed.unreadCount > 0
                title = feed.title
                tags = feed.tags.map { "#" + $0 }.joined(separator: " ")
                if feed.fetch.isFailing {
                    canvas.put("!", x: rowRect.x, y: rowRect.y, style: styled(.error), maxWidth: rowRect.width)
                }
            }
            let base = styled(hasUnread ? .unread : .read)
            let countsText = counts(row)
            let room = rowRect.width - 2 - (countsWidth > 0 ? countsWidth + 1 : 0)
            guard room > 0 else { return }
            let shown = DisplayWidth.truncate(ScreenText.sanitized(title), toWidth: room)
            var x = rowRect.x + 2
            x += canvas.put(shown, x: x, y: rowRect.y, style: base, maxWidth: room)
            if !tags.isEmpty, x + 2 < rowRect.x + 2 + room {
                let tagRoom = rowRect.x + 2 + room - x - 2
                canvas.put(DisplayWidth.truncate(tags, toWidth: tagRoom), x: x + 2, y: rowRect.y, style: styled(.dim),
                           maxWidth: tagRoom)
            }
            let countsX = rowRect.x + rowRect.width - DisplayWidth.of(countsText)
            canvas.put(countsText, x: countsX, y: rowRect.y, style: base, maxWidth: countsWidth)
        }
    }
}
