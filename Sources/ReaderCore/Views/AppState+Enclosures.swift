import FeedModel
import ScreenKit

extension AppState {
    /// Enclosure rows: state (new, queued, downloading 42%, done, failed), date, feed, title, then type, size and
    /// duration.
    func drawEnclosures(_ state: EnclosureListState, in rect: Rect, on canvas: inout Canvas) {
        guard !state.items.isEmpty else {
            let text = state.isLoading ? catalogue.tr("Loading…") : catalogue.tr("No enclosure")
            canvas.put(text, x: rect.x + 2, y: rect.y, style: theme.style(.dim), maxWidth: rect.width - 2)
            return
        }
        let stateWidth = 16
        ListWidget.draw(count: state.items.count, state: state.list, in: rect, on: &canvas, background: theme.style(.normal),
                        selected: theme.style(.selected)) { index, rowRect, isSelected, canvas in
            let item = state.items[index]
            func styled(_ role: ThemeRole) -> Style {
                isSelected ? theme.style(.selected).over(theme.style(role)) : theme.style(role)
            }
            let role: ThemeRole
            switch item.download?.phase {
            case nil: role = .unread
            case .failed?: role = .error
            default: role = .read
            }
            var x = rowRect.x + 1
            let end = rowRect.x + rowRect.width
            func put(_ text: String, _ style: Style, width: Int? = nil) {
                guard x < end else { return }
                let room = min(width ?? (end - x), end - x)
                canvas.put(DisplayWidth.truncate(ScreenText.sanitized(text), toWidth: room), x: x, y: rowRect.y, style: style, maxWidth: room)
                x += room + 1
            }
            put(PodcastText.state(item.download, in: catalogue), styled(role), width: stateWidth)
            put(dateText.string(from: item.date), styled(.dim), width: DisplayWidth.of(dateText.string(from: item.date)))
            put(item.feedTitle, styled(.dim), width: min(20, DisplayWidth.of(ScreenText.sanitized(item.feedTitle))))
            let details = MediaText.details(of: item.enclosure)
            let title = item.enclosure.title ?? item.articleTitle
            put(title + (details.isEmpty ? "" : "  (\(details))"), styled(role == .error ? .normal : role))
        }
    }
}
