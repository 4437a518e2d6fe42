import ScreenKit

extension ArticleLayout {
    /// Roles, nesting and the prefixes (quote bars, list markers) that apply to everything inside a block.
    /// The prefixes go to the wrapper, so indentation carries onto continuation lines.
    struct Context {
        var width: Int
        var roles: Set<TextRole> = []
        var listDepth = 0
        /// Inside a list item or a definition: no blank lines between blocks.
        var isTight = false
        /// Drawn before the first line laid out in this context.
        var first: [StyledSpan] = []
        /// Drawn before every later line; as wide as `first`.
        var rest: [StyledSpan] = []
        var indent = 0

        init(width: Int) { self.width = width }

        /// Columns left for text after the prefixes.
        var room: Int { width - indent }

        /// The context for content drawn after `first` on the first line and `rest` on the others, or
        /// nil when that would leave too little room (nested blocks then stop indenting).
        func nested(first marker: String, rest pad: String, roles prefixRoles: Set<TextRole>) -> Context? {
            let markerWidth = DisplayWidth.of(marker)
            guard room - markerWidth >= ArticleLayout.minimumIndentedWidth else { return nil }
            var inner = self
            inner.first = first + [StyledSpan(marker, roles: prefixRoles)]
            inner.rest = rest + [StyledSpan(pad, roles: prefixRoles)]
            inner.indent += markerWidth
            return inner
        }

        /// The same context after its first line is drawn.
        var continued: Context {
            var next = self
            next.first = rest
            return next
        }

        /// A blank line inside this context: the prefixes without trailing spaces ("│" in a quote).
        var blankLine: StyledLine {
            var spans = rest
            while let last = spans.last {
                let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
                if trimmed.isEmpty {
                    spans.removeLast()
                } else {
                    spans[spans.count - 1].text = trimmed
                    break
                }
            }
            return StyledLine(spans)
        }

        /// Lines laid out without prefixes (a table, pre), with the prefixes drawn before them.
        func prefixed(_ lines: [StyledLine]) -> [StyledLine] {
            guard !first.isEmpty || !rest.isEmpty else { return lines }
            return lines.enumerated().map { index, line in
                line.spans.isEmpty ? blankLine : StyledLine((index == 0 ? first : rest) + line.spans)
            }
        }

        func wrap(_ spans: [StyledSpan]) -> [StyledLine] {
            LineWrapper(width: width, firstPrefix: first, prefix: rest).wrap(spans)
        }
    }
}
