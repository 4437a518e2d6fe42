import FeedModel
import ScreenKit

extension AppState {
    /// Article rows: unread and starred marks, date, the feed in merged lists, the title, a search snippet.
    func drawArticleList(_ list: ArticleListState, in rect: Rect, on canvas: inout Canvas) {
        guard !list.items.isEmpty else {
            let text = list.isLoading ? catalogue.tr("Loading…")
                : (settings.showRead ? catalogue.tr("No articles") : catalogue.tr("No unread articles"))
            canvas.put(text, x: rect.x + 2, y: rect.y, style: theme.style(.dim), maxWidth: rect.width - 2)
            return
        }
        let dates = dateText
        // One column for every row's date: the language's own dates vary in width (`4 mai`, `14 juill.`).
        let dateWidth = list.items.reduce(0) { max($0, DisplayWidth.of(dates.string(from: $1.date))) }
        let feedWidth = list.source.isMerged ? min(18, max(0, rect.width / 5)) : 0
        ListWidget.draw(count: list.items.count, state: list.list, in: rect, on: &canvas,
                        background: theme.style(.normal), selected: theme.style(.selected)) { index, row, isSelected, canvas in
            let item = list.items[index]
            func styled(_ role: ThemeRole) -> Style {
                isSelected ? theme.style(.selected).over(theme.style(role)) : theme.style(role)
            }
            let base = styled(item.isRead ? .read : .unread)
            let end = row.x + row.width
            var x = row.x
            func put(_ text: String, _ style: Style, width: Int? = nil) {
                guard x < end else { return }
                let room = min(width ?? (end - x), end - x)
                canvas.put(DisplayWidth.truncate(ScreenText.sanitized(text), toWidth: room), x: x, y: row.y,
                           style: style, maxWidth: room)
                x += room
            }
            put(item.isRead ? " " : "N", base, width: 1)
            put(item.isStarred ? "*" : " ", styled(.starred), width: 1)
            x += 1
            let date = dates.string(from: item.date)
            put(date, base, width: dateWidth)
            x += 1
            if feedWidth > 0 {
                put(item.feedTitle, styled(.dim), width: feedWidth)
                x += 1
            }
            let title = ScreenText.sanitized(item.title)
            guard let snippet = list.snippets[item.id], !snippet.isEmpty else {
                put(title, base)
                return
            }
            let titleRoom = max(0, min(DisplayWidth.of(title), (end - x) * 2 / 3))
            put(title, base, width: titleRoom)
            x += 2
            for segment in snippet where x < end {
                let text = ScreenText.sanitized(segment.text)
                let room = end - x
                let used = canvas.put(DisplayWidth.truncate(text, toWidth: room), x: x, y: row.y,
                                      style: segment.isMatch ? styled(.match) : styled(.dim), maxWidth: room)
                x += used
            }
        }
    }

    func drawPager(_ pager: PagerState, in rect: Rect, on canvas: inout Canvas) {
        guard pager.article != nil else {
            canvas.fill(rect, style: theme.style(.normal))
            canvas.put(catalogue.tr("Loading…"), x: rect.x + 2, y: rect.y, style: theme.style(.dim), maxWidth: rect.width - 2)
            return
        }
        PagerWidget.draw(pager.lines, offset: pager.offset, in: rect, on: &canvas, background: theme.style(.normal),
                         style: theme.style(for:))
    }
}
