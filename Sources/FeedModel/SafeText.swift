// Feed text is hostile: before anything from a feed reaches a screen, stdout or the search index, the
// characters that can drive a terminal or reorder text are removed here.

public enum SafeText {
    /// C0 and C1 control characters (tab and line breaks included: callers decide what white space means),
    /// DEL, bidi embeddings, overrides, isolates and marks (LRM, RLM, ALM), and the byte-order mark.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0xFEFF: true
        default: false
        }
    }

    /// One line of text safe to print, its white space collapsed: unsafe characters removed, every run of
    /// white space (line breaks and tabs included) one space, none at either end.
    public static func collapsedLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if isUnsafe(scalar) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// One line of text safe to print: unsafe characters removed, line breaks and tabs turned into spaces.
    public static func line(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" {
                scalars.append(" ")
            } else if !isUnsafe(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
