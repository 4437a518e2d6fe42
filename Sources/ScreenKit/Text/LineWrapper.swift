// Fills lines word by word, following French typography: the space before » : ; ! ? % and after « never
// breaks, U+00A0 and U+202F are part of the word, long words and URLs break after a hyphen or a slash, and a
// word longer than the line is cut between grapheme clusters. Pure: spans in, lines out.
//
// It works on the UTF-8 bytes of the spans (an article is tens of thousands of words, and the pager lays it
// out again on every resize); only a word that has to be cut is split into grapheme clusters.
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
        let text = WrapText(spans)
        guard !text.pieces.isEmpty else { return [] }
        var filler = LineFiller(width: width, firstPrefix: firstPrefix, prefix: prefix, text: text)
        var unit: Range<Int> = 0..<0
        var unitWidth = 0
        var separator: Int?
        for (index, piece) in text.pieces.enumerated() {
            switch piece.kind {
            case .word:
                if unit.isEmpty { unit = index..<index }
                unit = unit.lowerBound..<(index + 1)
                unitWidth += piece.width
            case .space:
                if unit.isEmpty {
                    if separator == nil { separator = piece.span }
                } else if text.spaceBreaks(at: index) {
                    filler.place(unit, width: unitWidth, separator: separator)
                    unit = 0..<0
                    unitWidth = 0
                    separator = piece.span
                } else {
                    unit = unit.lowerBound..<(index + 1)
                    unitWidth += piece.width
                }
            case .newline:
                if !unit.isEmpty { filler.place(unit, width: unitWidth, separator: separator) }
                unit = 0..<0
                unitWidth = 0
                separator = nil
                filler.breakLine()
            }
        }
        if !unit.isEmpty { filler.place(unit, width: unitWidth, separator: separator) }
        return filler.finish()
    }
}

/// The spans' bytes, cut into words, spaces and newlines, each word with its width.
private struct WrapText {
    enum Kind { case word, space, newline }

    struct Piece {
        var start: Int
        var end: Int
        var span: Int
        var width: Int
        var kind: Kind
        /// Holds a hyphen or a slash, so it could be broken after one.
        var isBreakable: Bool
    }

    let spans: [StyledSpan]
    private(set) var bytes: [UInt8] = []
    private(set) var pieces: [Piece] = []

    init(_ spans: [StyledSpan]) {
        self.spans = spans
        let size = spans.reduce(0) { $0 + $1.text.utf8.count }
        bytes.reserveCapacity(size)
        pieces.reserveCapacity(size / 3 + 1)
        for (spanIndex, span) in spans.enumerated() {
            let start = bytes.count
            bytes.append(contentsOf: span.text.utf8)
            scan(start..<bytes.count, span: spanIndex)
        }
    }

    private mutating func scan(_ range: Range<Int>, span: Int) {
        var wordStart = range.lowerBound
        var width = 0
        var breakable = false
        var standalone = true
        var index = range.lowerBound
        func endWord(at end: Int, into pieces: inout [Piece], bytes: [UInt8]) {
            guard end > wordStart else { return }
            let columns = standalone ? width : DisplayWidth.of(String(decoding: bytes[wordStart..<end], as: UTF8.self))
            pieces.append(Piece(start: wordStart, end: end, span: span, width: columns, kind: .word, isBreakable: breakable))
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || byte == 0x0A {
                    endWord(at: index, into: &pieces, bytes: bytes)
                    pieces.append(Piece(start: index, end: index + 1, span: span, width: 1,
                                        kind: byte == 0x20 ? .space : .newline, isBreakable: false))
                    wordStart = index + 1
                    width = 0
                    breakable = false
                    standalone = true
                } else {
                    if byte == 0x2D || byte == 0x2F { breakable = true }
                    if byte > 0x20 && byte != 0x7F { width += 1 }
                }
                index += 1
                continue
            }
            let (value, length) = Self.decode(bytes, at: index)
            if standalone && DisplayWidth.isStandalone(value) {
                width += DisplayWidth.of(Unicode.Scalar(value) ?? " ")
            } else {
                standalone = false
            }
            index += length
        }
        endWord(at: range.upperBound, into: &pieces, bytes: bytes)
    }

    /// The scalar at `index` of valid UTF-8 (the bytes come from Swift strings).
    private static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// A space is a break opportunity unless French typography glues it: before » : ; ! ? % or after «.
    func spaceBreaks(at index: Int) -> Bool {
        var before = index - 1
        while before >= 0 && pieces[before].kind == .space { before -= 1 }
        if before >= 0, pieces[before].kind == .word, endsWithOpeningGuillemet(pieces[before]) { return false }
        var after = index + 1
        while after < pieces.count && pieces[after].kind == .space { after += 1 }
        if after < pieces.count, pieces[after].kind == .word, startsWithClosingMark(pieces[after]) { return false }
        return true
    }

    private func startsWithClosingMark(_ piece: Piece) -> Bool {
        switch bytes[piece.start] {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%"): return true
        case 0xC2: return piece.end - piece.start >= 2 && bytes[piece.start + 1] == 0xBB   // »
        default: return false
        }
    }

    private func endsWithOpeningGuillemet(_ piece: Piece) -> Bool {
        piece.end - piece.start >= 2 && bytes[piece.end - 2] == 0xC2 && bytes[piece.end - 1] == 0xAB   // «
    }

}

/// The line being filled, and the lines already done.
private struct LineFiller {
    /// One grapheme cluster of a unit that has to be split: where its bytes are, and what it means to
    /// line breaking. Plain values, so splitting a long URL costs no reference counting.
    private struct Glyph {
        /// `glue` is a no-break space (U+00A0, U+202F): never cut next to one.
        enum Mark { case space, glue, hyphen, slash, closing, opening, other }
        var start: Int
        var end: Int
        var width: Int
        var span: Int
        var mark: Mark
        var isSpace: Bool { mark == .space }
        var isBreakAfter: Bool { mark == .hyphen || mark == .slash }

        static func mark(ascii byte: UInt8) -> Mark {
            switch byte {
            case 0x20: .space
            case UInt8(ascii: "-"): .hyphen
            case UInt8(ascii: "/"): .slash
            case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%"): .closing
            default: .other
            }
        }

        static func mark(_ character: Character) -> Mark {
            switch character {
            case "\u{2010}": .hyphen
            case "\u{00A0}", "\u{202F}": .glue
            case "»": .closing
            case "«": .opening
            default: .other
            }
        }
    }

    /// Words at least this wide may be split after a hyphen or slash to fill the current line.
    private static let longWord = 12

    let width: Int
    let prefix: [StyledSpan]
    let text: WrapText
    private var lines: [StyledLine] = []
    private var linePrefix: [StyledSpan]
    /// The current line's text after its prefix, and where each input span's run starts in it.
    private var out: [UInt8] = []
    private var runs: [(span: Int, start: Int)] = []
    private var used = 0
    private var available: Int
    /// Room on the lines after the first, behind `prefix`.
    private let continuationRoom: Int
    private var hasContent = false

    init(width: Int, firstPrefix: [StyledSpan], prefix: [StyledSpan], text: WrapText) {
        self.width = max(width, 1)
        self.prefix = Self.fitting(prefix, width: self.width)
        self.text = text
        linePrefix = Self.fitting(firstPrefix, width: self.width)
        available = Self.room(width: self.width, prefix: linePrefix)
        continuationRoom = Self.room(width: self.width, prefix: self.prefix)
    }

    private static func room(width: Int, prefix: [StyledSpan]) -> Int {
        max(width - prefixWidth(prefix), 1)
    }

    private static func prefixWidth(_ prefix: [StyledSpan]) -> Int { prefix.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// A prefix as wide as the line or wider is not drawn: text always gets at least one column.
    private static func fitting(_ prefix: [StyledSpan], width: Int) -> [StyledSpan] {
        prefixWidth(prefix) < width ? prefix : []
    }

    mutating func breakLine() {
        var spans = linePrefix
        spans.reserveCapacity(linePrefix.count + runs.count)
        for (index, run) in runs.enumerated() {
            let end = index + 1 < runs.count ? runs[index + 1].start : out.count
            let piece = String(decoding: out[run.start..<end], as: UTF8.self)
            let roles = text.spans[run.span].roles
            if index > 0, let last = spans.indices.last, spans[last].roles == roles {
                spans[last].text += piece
            } else {
                spans.append(StyledSpan(piece, roles: roles))
            }
        }
        lines.append(StyledLine(spans))
        out.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        linePrefix = prefix
        available = continuationRoom
        used = 0
        hasContent = false
    }

    mutating func finish() -> [StyledLine] {
        if hasContent { breakLine() }
        return lines
    }

    mutating func place(_ unit: Range<Int>, width unitWidth: Int, separator: Int?) {
        let gap = hasContent ? 1 : 0
        if used + gap + unitWidth <= available {
            appendSeparator(separator)
            appendPieces(unit)
            return
        }
        if unitWidth <= continuationRoom
            && (unitWidth < Self.longWord || !text.pieces[unit].contains(where: \.isBreakable)) {
            breakLine()
            appendPieces(unit)
            return
        }
        split(unit, separator: separator)
    }

    private mutating func appendSeparator(_ span: Int?) {
        guard hasContent, let span else { return }
        startRun(span)
        out.append(0x20)
        used += 1
    }

    private mutating func appendPieces(_ unit: Range<Int>) {
        for index in unit {
            let piece = text.pieces[index]
            startRun(piece.span)
            out.append(contentsOf: text.bytes[piece.start..<piece.end])
            used += piece.width
        }
        hasContent = true
    }

    private mutating func startRun(_ span: Int) {
        if runs.last?.span != span { runs.append((span, out.count)) }
    }

    /// A unit that does not fit where it is: fill after a hyphen or slash, else cut between clusters.
    private mutating func split(_ unit: Range<Int>, separator: Int?) {
        var glyphs: [Glyph] = []
        for index in unit {
            let piece = text.pieces[index]
            let bytes = text.bytes[piece.start..<piece.end]
            if bytes.allSatisfy({ $0 < 0x80 }) {
                // URLs, mostly: every byte is a cluster of its own.
                for offset in bytes.indices {
                    let byte = bytes[offset]
                    glyphs.append(Glyph(start: offset, end: offset + 1, width: byte >= 0x20 && byte != 0x7F ? 1 : 0,
                                        span: piece.span, mark: Glyph.mark(ascii: byte)))
                }
                continue
            }
            var offset = piece.start
            for character in String(decoding: bytes, as: UTF8.self) {
                let length = character.utf8.count
                let mark = length == 1 ? Glyph.mark(ascii: bytes[offset]) : Glyph.mark(character)
                glyphs.append(Glyph(start: offset, end: offset + length, width: DisplayWidth.of(character),
                                    span: piece.span, mark: mark))
                offset += length
            }
        }
        var rest = glyphs[...]
        while !rest.isEmpty {
            let gap = hasContent ? 1 : 0
            let room = available - used - gap
            let total = Self.width(of: rest)
            if total <= room {
                appendSeparator(separator)
                emit(rest)
                return
            }
            let fitting = Self.fittingCount(rest, room: room)
            if let cut = Self.breakAfterHyphenOrSlash(rest, within: fitting),
               hasContent || Self.width(of: rest.prefix(cut)) * 2 >= room {
                appendSeparator(separator)
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

    private mutating func emit(_ glyphs: ArraySlice<Glyph>) {
        var end = glyphs.endIndex
        while end > glyphs.startIndex && glyphs[end - 1].isSpace { end -= 1 }
        for glyph in glyphs[glyphs.startIndex..<end] {
            startRun(glyph.span)
            out.append(contentsOf: text.bytes[glyph.start..<glyph.end])
            used += glyph.width
            hasContent = true
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
            let afterDoubleSlash = last.mark == .slash && glyphs[start + count - 2].mark == .slash
            if last.isBreakAfter && !next.isBreakAfter && !next.isSpace && !afterDoubleSlash { return count }
            count -= 1
        }
        return nil
    }

    /// Moves a hard cut back a little so no line starts with » : ; ! ? % or ends with «, and no
    /// no-break space sits at either side of the cut.
    private static func frenchSafeCut(_ glyphs: ArraySlice<Glyph>, proposed: Int) -> Int {
        let start = glyphs.startIndex
        func isBad(_ count: Int) -> Bool {
            guard count < glyphs.count else { return false }
            if glyphs[start + count].mark == .glue || glyphs[start + count - 1].mark == .glue { return true }
            var after = start + count
            while after < glyphs.endIndex && (glyphs[after].isSpace || glyphs[after].mark == .glue) { after += 1 }
            if after < glyphs.endIndex, glyphs[after].mark == .closing { return true }
            var before = start + count - 1
            while before > start && (glyphs[before].isSpace || glyphs[before].mark == .glue) { before -= 1 }
            return glyphs[before].mark == .opening
        }
        var count = proposed
        while count > 1 && isBad(count) && proposed - count < 4 { count -= 1 }
        return isBad(count) ? proposed : count
    }
}
