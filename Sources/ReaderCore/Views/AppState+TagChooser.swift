import ScreenKit

extension AppState {
    /// The tag chooser: "All feeds", then each tag with the unread/total counts of its feeds at the right.
    func drawTagChooser(_ state: ListState, in rect: Rect, on canvas: inout Canvas) {
        let rows = tagRows
        func counts(_ row: TagRow) -> String { catalogue.number(row.unreadCount) + "/" + catalogue.number(row.totalCount) }
        let countsWidth = rows.map { DisplayWidth.of(counts($0)) }.max() ?? 0
        ListWidget.draw(count: rows.count, state: state, in: rect, on: &canvas, background: theme.style(.normal),
                        selected: theme.style(.selected)) { index, rowRect, isSelected, canvas in
            let row = rows[index]
            let role: ThemeRole = row.unreadCount > 0 ? .unread : .read
            let style = isSelected ? theme.style(.selected).over(theme.style(role)) : theme.style(role)
            let marker = row.tag == tagFilter ? "• " : "  "
            let room = rowRect.width - 2 - countsWidth - 1
            guard room > 0 else { return }
            canvas.put(marker, x: rowRect.x, y: rowRect.y, style: style, maxWidth: 2)
            let name = row.tag.map { "#" + ScreenText.sanitized($0) } ?? catalogue.tr("All feeds")
            canvas.put(DisplayWidth.truncate(name, toWidth: room), x: rowRect.x + 2, y: rowRect.y, style: style,
                       maxWidth: room)
            let text = counts(row)
            canvas.put(text, x: rowRect.x + rowRect.width - DisplayWidth.of(text), y: rowRect.y, style: style,
                       maxWidth: countsWidth)
        }
    }
}
