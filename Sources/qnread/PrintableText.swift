import FeedModel

/// Text on its way to stdout or stderr: control characters and bidi overrides removed, white space collapsed
/// to single spaces. Anything that came from a feed, a page or a remote list goes through here.
enum PrintableText {
    static func line(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            // SafeText's set, plus the bidi marks (LRM, RLM, ALM) that only reorder what is printed.
            if SafeText.isUnsafe(scalar) || [0x200E, 0x200F, 0x061C].contains(scalar.value) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }
}
