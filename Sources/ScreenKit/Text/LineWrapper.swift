// Fills lines word by word, following French typography: the space before » : ; ! ? % and after « never
// breaks, U+00A0 and U+202F are part of the word, long words and URLs break after a hyphen or a slash, and a
// word longer than the line is cut between grapheme clusters. Pure: spans in, lines out.
public struct LineWrapper: Sendable {
    /// Columns of a whole line, prefixes included.
    public var width: Int
    /// Drawn at the start of the first line (a list marker, a quote bar).
    public var firstPrefix: [StyledSpan]
    /// Drawn at the start of every other line, so indentation carries onto continuation lines.
    public var prefix: [StyledSpan]

    public init(width: Int, firstPrefix: [StyledSpan], prefix: [StyledSpan]) {
        self.width = width
        self.firstPrefix = firstPrefix
        self.prefix = prefix
    }

    public init(width: Int, indent: [StyledSpan] = []) {
        self.init(width: width, firstPrefix: indent, prefix: indent)
    }

    /// Lays `spans` out; a "\n" inside a span starts a new line. Empty input gives no lines.
    public func wrap(_ spans: [StyledSpan]) -> [StyledLine] {
        let pieces = Self.pieces(of: spans)
        guard !pieces.isEmpty else { return [] }
        var filler = LineFiller(width: width, firstPrefix: firstPrefix, prefix: prefix, spans: spans)
        var unit: [Piece] = []
        var unitWidth = 0
        var separator: Piece?
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            switch piece.kind {
            case .word:
                unit.append(piece)
                unitWidth += piece.width
            case .space:
                if unit.isEmpty {
                    if separator == nil { separator = piece }
                } else if Self.spaceBreaks(at: index, in: pieces) {
                    filler.place(unit, width: unitWidth, after: separator)
                    unit.removeAll(keepingCapacity: true)
                    unitWidth = 0
                    separator = piece
                } else {
                    unit.append(piece)
                    unitWidth += piece.width
                }
            case .newline:
                if !unit.isEmpty { filler.place(unit, width: unitWidth, after: separator) }
                unit.removeAll(keepingCapacity: true)
                unitWidth = 0
                separator = nil
                filler.breakLine()
            }
            index += 1
        }
        if !unit.isEmpty { filler.place(unit, width: unitWidth, after: separator) }
        return filler.finish()
    }

    // MARK: - Pieces

    fileprivate enum Kind { case word, space, newline }

    fileprivate struct Piece {
        var text: Substring
        var span: Int
        var width: Int
        var kind: Kind
        /// Holds a hyphen or a slash, so it could be broken after one.
        var isBreakable = false
    }

    private static func pieces(of spans: [StyledSpan]) -> [Piece] {
        var pieces: [Piece] = []
        for (spanIndex, span) in spans.enumerated() {
            let text = span.text
            let utf8 = text.utf8
            var start = utf8.startIndex
            var cursor = start
            var breakable = false
            while cursor != utf8.endIndex {
                let byte = utf8[cursor]
                if byte == 0x2D || byte == 0x2F { breakable = true }
                if byte == 0x20 || byte == 0x0A {
                    if start != cursor {
                        let word = text[start..<cursor]
                        pieces.append(Piece(text: word, span: spanIndex, width: DisplayWidth.of(word), kind: .word,
                                            isBreakable: breakable))
                    }
                    breakable = false
                    let next = utf8.index(after: cursor)
                    pieces.append(Piece(text: text[cursor..<next], span: spanIndex, width: 1,
                                        kind: byte == 0x20 ? .space : .newline))
                    start = next
                }
                cursor = utf8.index(after: cursor)
            }
            if start != utf8.endIndex {
                let word = text[start...]
                pieces.append(Piece(text: word, span: spanIndex, width: DisplayWidth.of(word), kind: .word,
                                    isBreakable: breakable))
            }
        }
        return pieces
    }

    /// A space is a break opportunity unless French typography glues it: before » : ; ! ? % or after «.
    private static func spaceBreaks(at index: Int, in pieces: [Piece]) -> Bool {
        var before = index - 1
        while before >= 0 && pieces[before].kind == .space { before -= 1 }
        if before >= 0, pieces[before].kind == .word, let last = pieces[before].text.unicodeScalars.last,
           opensGlued(last) {
            return false
        }
        var after = index + 1
        while after < pieces.count && pieces[after].kind == .space { after += 1 }
        if after < pieces.count, pieces[after].kind == .word, let first = pieces[after].text.unicodeScalars.first,
           closesGlued(first) {
            return false
        }
        return true
    }

    fileprivate static func closesGlued(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "»", ":", ";", "!", "?", "%": return true
        default: return false
        }
    }

    fileprivate static func opensGlued(_ scalar: Unicode.Scalar) -> Bool { scalar == "«" }
}

/// The line being filled, and the lines already done.
private struct LineFiller {
    typealias Piece = LineWrapper.Piece

    /// One grapheme cluster of a unit that has to be split.
    private struct Glyph {
        var character: Character
        var width: Int
        var span: Int
        var isSpace: Bool { character == " " }
        var isBreakAfter: Bool { character == "-" || character == "/" || character == "\u{2010}" }
    }

    /// Words at least this wide may be split after a hyphen or slash to fill the current line.
    private static let longWord = 12

    let width: Int
    let prefix: [StyledSpan]
    let spans: [StyledSpan]
    private(set) var lines: [StyledLine] = []
    private var current: [StyledSpan]
    private var used = 0
    private var available: Int
    private var hasContent = false
    /// The input span the last text on this line came from.
    private var lastSpan = -1

    init(width: Int, firstPrefix: [StyledSpan], prefix: [StyledSpan], spans: [StyledSpan]) {
        self.width = max(width, 1)
        self.prefix = prefix
        self.spans = spans
        current = firstPrefix
        available = Self.room(width: self.width, prefix: firstPrefix)
    }

    private static func room(width: Int, prefix: [StyledSpan]) -> Int {
        max(width - prefix.reduce(0) { $0 + DisplayWidth.of($1.text) }, 1)
    }

    mutating func breakLine() {
        lines.append(StyledLine(current))
        current = prefix
        used = 0
        hasContent = false
        available = Self.room(width: width, prefix: prefix)
    }

    mutating func finish() -> [StyledLine] {
        if hasContent { breakLine() }
        return lines
    }

    mutating func place(_ unit: [Piece], width unitWidth: Int, after separator: Piece?) {
        let gap = hasContent ? 1 : 0
        if used + gap + unitWidth <= available {
            if hasContent, let separator { append(" ", span: separator.span, width: 1) }
            for piece in unit { append(piece.text, span: piece.span, width: piece.width) }
            return
        }
        if unitWidth <= available && (unitWidth < Self.longWord || !unit.contains(where: \.isBreakable)) {
            breakLine()
            for piece in unit { append(piece.text, span: piece.span, width: piece.width) }
            return
        }
        split(unit, after: separator)
    }

    /// A unit that does not fit where it is: fill after a hyphen or slash, else cut between clusters.
    private mutating func split(_ unit: [Piece], after separator: Piece?) {
        var glyphs: [Glyph] = []
        for piece in unit {
            for character in piece.text {
                glyphs.append(Glyph(character: character, width: DisplayWidth.of(character), span: piece.span))
            }
        }
        var rest = glyphs[...]
        while !rest.isEmpty {
            let gap = hasContent ? 1 : 0
            let room = available - used - gap
            let total = rest.reduce(0) { $0 + $1.width }
            if total <= room {
                if hasContent, let separator { append(" ", span: separator.span, width: 1) }
                emit(rest)
                return
            }
            let fitting = Self.fittingCount(rest, room: room)
            if let cut = Self.breakAfterHyphenOrSlash(rest, within: fitting),
               hasContent || Self.width(of: rest.prefix(cut)) * 2 >= room {
                if hasContent, let separator { append(" ", span: separator.span, width: 1) }
                emit(rest.prefix(cut))
                rest = rest.dropFirst(cut)
                breakLine()
                continue
            }
            if hasContent {
                breakLine()
                if total <= available {
                    emit(rest)
                    return
                }
                continue
            }
            let cut = Self.frenchSafeCut(rest, proposed: max(fitting, 1))
            emit(rest.prefix(cut))
            rest = rest.dropFirst(cut)
            while rest.first?.isSpace == true { rest = rest.dropFirst() }
            breakLine()
        }
    }

    private static func width(of glyphs: ArraySlice<Glyph>) -> Int { glyphs.reduce(0) { $0 + $1.width } }

    private static func fittingCount(_ glyphs: ArraySlice<Glyph>, room: Int) -> Int {
        var used = 0
        var count = 0
        for glyph in glyphs {
            if used + glyph.width > room { break }
            used += glyph.width
            count += 1
        }
        return count
    }

    /// The longest prefix of at most `limit` glyphs that ends just after a hyphen or slash (not inside "//").
    private static func breakAfterHyphenOrSlash(_ glyphs: ArraySlice<Glyph>, within limit: Int) -> Int? {
        var count = min(limit, glyphs.count - 1)
        let start = glyphs.startIndex
        while count >= 2 {
            let last = glyphs[start + count - 1]
            let next = glyphs[start + count]
            // Never right after "//": a line ending in "https://" says nothing.
            let afterDoubleSlash = last.character == "/" && glyphs[start + count - 2].character == "/"
            if last.isBreakAfter && !next.isBreakAfter && !next.isSpace && !afterDoubleSlash { return count }
            count -= 1
        }
        return nil
    }

    /// Moves a hard cut back a little so no line starts with » : ; ! ? % or ends with «.
    private static func frenchSafeCut(_ glyphs: ArraySlice<Glyph>, proposed: Int) -> Int {
        let start = glyphs.startIndex
        func isBad(_ count: Int) -> Bool {
            guard count < glyphs.count else { return false }
            var after = start + count
            while after < glyphs.endIndex && glyphs[after].isSpace { after += 1 }
            if after < glyphs.endIndex, let scalar = glyphs[after].character.unicodeScalars.first,
               LineWrapper.closesGlued(scalar) { return true }
            var before = start + count - 1
            while before > start && glyphs[before].isSpace { before -= 1 }
            if let scalar = glyphs[before].character.unicodeScalars.first, LineWrapper.opensGlued(scalar) {
                return true
            }
            return false
        }
        var count = proposed
        while count > 1 && isBad(count) && proposed - count < 4 { count -= 1 }
        return isBad(count) ? proposed : count
    }

    private mutating func emit(_ glyphs: ArraySlice<Glyph>) {
        var end = glyphs.endIndex
        while end > glyphs.startIndex && glyphs[end - 1].isSpace { end -= 1 }
        var index = glyphs.startIndex
        while index < end {
            let span = glyphs[index].span
            var text = ""
            var columns = 0
            while index < end && glyphs[index].span == span {
                text.append(glyphs[index].character)
                columns += glyphs[index].width
                index += 1
            }
            append(text[...], span: span, width: columns)
        }
    }

    private mutating func append(_ text: Substring, span: Int, width columns: Int) {
        // Comparing role sets hashes them: only do it when the text comes from another input span.
        if hasContent, let last = current.indices.last, span == lastSpan || current[last].roles == spans[span].roles {
            current[last].text += text
        } else {
            current.append(StyledSpan(String(text), roles: spans[span].roles))
        }
        lastSpan = span
        used += columns
        hasContent = true
    }
}
