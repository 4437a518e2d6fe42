import ArticleText
import ScreenKit

/// A table as aligned columns when it fits the width, else as rows of "label : value" lines.
struct TableLayout {
    let table: ArticleTable
    let roles: Set<TextRole>

    private static let separator = " │ "

    func lines(width: Int) -> [StyledLine] {
        let cells = table.rows.map { row in
            row.cells.map { ArticleLayout.spans(Self.oneLine($0), roles: roles.union(row.isHeader ? [.strong] : [])) }
        }
        let columns = cells.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        var widths = Array(repeating: 0, count: columns)
        for row in cells {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.reduce(0) { $0 + DisplayWidth.of($1.text) })
            }
        }
        let total = widths.reduce(0, +) + Self.separator.count * (columns - 1)
        return total <= width ? aligned(cells, widths: widths) : labelled(cells, width: width)
    }

    private func aligned(_ cells: [[[StyledSpan]]], widths: [Int]) -> [StyledLine] {
        var out: [StyledLine] = []
        for (rowIndex, row) in cells.enumerated() {
            var spans: [StyledSpan] = []
            for column in widths.indices {
                let cell = column < row.count ? row[column] : []
                if column > 0 { spans.append(StyledSpan(Self.separator, roles: [.dim])) }
                spans += cell
                let used = cell.reduce(0) { $0 + DisplayWidth.of($1.text) }
                if column < widths.count - 1 && used < widths[column] {
                    spans.append(StyledSpan(String(repeating: " ", count: widths[column] - used)))
                }
            }
            out.append(StyledLine(spans.filter { !$0.text.isEmpty }))
            let isLastHeader = table.rows[rowIndex].isHeader
                && (rowIndex + 1 == table.rows.count || !table.rows[rowIndex + 1].isHeader)
            if isLastHeader && rowIndex + 1 < table.rows.count {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                out.append(StyledLine([StyledSpan(rule, roles: [.dim])]))
            }
        }
        return out
    }

    private func labelled(_ cells: [[[StyledSpan]]], width: Int) -> [StyledLine] {
        let header = table.rows.first?.isHeader == true ? cells[0] : nil
        let indent = width >= ArticleLayout.minimumIndentedWidth * 2 ? [StyledSpan("  ")] : []
        var out: [StyledLine] = []
        for (rowIndex, row) in cells.enumerated() where !table.rows[rowIndex].isHeader {
            if !out.isEmpty { out.append(StyledLine()) }
            for (column, cell) in row.enumerated() {
                let label = header.flatMap { column < $0.count ? $0[column] : nil } ?? []
                let labelText = label.map(\.text).joined()
                var spans: [StyledSpan] = []
                if !labelText.isEmpty {
                    spans = [StyledSpan(labelText, roles: roles.union([.strong])), StyledSpan("\u{00A0}: ", roles: roles)]
                }
                spans += cell
                out += LineWrapper(width: width, firstPrefix: [], prefix: indent).wrap(spans)
            }
        }
        return out
    }

    /// Cells stay on one line: a `br` inside becomes a space.
    private static func oneLine(_ inlines: [ArticleInline]) -> [ArticleInline] {
        inlines.map { if case .lineBreak = $0 { .text(" ", []) } else { $0 } }
    }
}
