// Everything from a feed or a server is hostile. This is the one list of characters that never reach a terminal,
// stdout, a file name or the search index, and the one rule for white space in a line of text. Every module
// that cleans text asks here; none keeps a list of its own.

public enum SafeText {
    /// Never shown: C0 and C1 controls and DEL (escape sequences start with them); the bidi controls, which
    /// reorder what is shown (embeddings, overrides, isolates, and the marks LRM, RLM, ALM: Unicode's
    /// Bidi_Control); the byte-order mark; the soft hyphen, an invisible hint that terminals draw in different
    /// widths. Callers decide what line breaks and tabs become before this drops them.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFEFF, 0x00AD: true
        default: false
        }
    }

    /// White space a line of text collapses: ASCII's, NEL, and the line and paragraph separators. No-break spaces
    /// are text, not white space: French typography needs them before « : ; ! ? » and inside « ».
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// One line safe to print: unsafe characters removed, every run of white space one space, none at either end.
    public static func collapsedLine(_ text: String) -> String {
        filtered(text, collapsing: true)
    }

    /// One line safe to print, its spacing kept: each white-space character one space, unsafe characters removed.
    public static func line(_ text: String) -> String {
        filtered(text, collapsing: false)
    }

    /// The text with its unsafe characters removed and nothing else changed (so line breaks and tabs go too).
    public static func removingUnsafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isUnsafe(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    private static func filtered(_ text: String, collapsing: Bool) -> String {
        if isClean(text, collapsing: collapsing) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                if collapsing { pendingSpace = !out.isEmpty } else { out.append(" ") }
            } else if !isUnsafe(scalar) {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `filtered` would give the text back as it is: most titles and URLs are, and are not copied.
    private static func isClean(_ text: String, collapsing: Bool) -> Bool {
        var previousWasSpace = true // a space first is not clean when collapsing
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if collapsing && previousWasSpace { return false }
                previousWasSpace = true
            } else if isSpace(scalar) || isUnsafe(scalar) {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !(collapsing && previousWasSpace && !text.isEmpty)
    }
}
