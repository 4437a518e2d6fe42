// Terminal display width of text, per grapheme cluster, from the table in DisplayWidthTable.swift.
// It never asks the C library (wcwidth depends on the locale), so a screen lays out the same everywhere.
public enum DisplayWidth {
    /// Columns one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(first) }
        // A pair of regional indicators is a flag, drawn as one wide emoji.
        if isRegionalIndicator(first) && isRegionalIndicator(second) { return 2 }
        let base = of(first)
        for scalar in scalars.dropFirst() {
            if scalar.value == 0xFE0F { return 2 }   // emoji presentation selector: ❤️, 1️⃣
            if scalar.value == 0xFE0E { return 1 }   // text presentation selector
        }
        // Everything after the base (combining marks, ZWJ and the emoji it joins) draws on the base's cells.
        return base
    }

    /// Columns one Unicode scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value < 0x300 && value != 0xAD { return 1 }
        if contains(DisplayWidthTable.zeroWidth, value) { return 0 }
        if value >= 0x1100 && contains(DisplayWidthTable.wide, value) { return 2 }
        return 1
    }

    /// Columns a string takes. (Concrete, so callers in other modules do not run the generic version.)
    public static func of(_ text: String) -> Int { columns(text) }

    /// Columns a substring takes.
    public static func of(_ text: Substring) -> Int { columns(text) }

    /// Columns any other string-like value takes.
    public static func of<S: StringProtocol>(_ text: S) -> Int { columns(text) }

    private static func columns<S: StringProtocol>(_ text: S) -> Int {
        var ascii = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return ofNonASCII(text) }
            if byte >= 0x20 && byte != 0x7F { ascii += 1 }
        }
        return ascii
    }

    /// Splitting into grapheme clusters is slow, so scalars are summed while every one of them stands
    /// alone (Latin letters, French punctuation); the first one that could join a cluster switches over.
    private static func ofNonASCII<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            if isStandalone(scalar.value) {
                total += of(scalar)
            } else {
                return text.reduce(0) { $0 + of($1) }
            }
        }
        return total
    }

    /// The longest prefix that fits in `width` columns, ending in `ellipsis` when cut; never splits a cluster.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return "" }
        var used = 0
        var out = ""
        for character in text {
            let w = of(character)
            if used + w > room { break }
            used += w
            out.append(character)
        }
        return out + ellipsis
    }

    /// Scalars whose width adds up the same alone as in any cluster they are part of: a cluster's width
    /// is its base's, and everything that can follow a base in these ranges is zero-width. Prepend
    /// characters, spacing marks, ZWJ, variation selectors and emoji modifiers are outside them.
    static func isStandalone(_ value: UInt32) -> Bool {
        value < 0x600 || (0x1E00...0x1FFF).contains(value) || (0x2010...0x2027).contains(value)
            || (0x202F...0x205E).contains(value) || (0x20A0...0x20CF).contains(value)
            || (0x2500...0x259F).contains(value)
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = table[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
