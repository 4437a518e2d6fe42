/// Feed lists come from strangers: what reaches a screen is plain text with no control characters and no
/// bidi overrides that could reorder what the reader sees, white space collapsed (but the NBSPs of French
/// typography, « Québec », kept).
enum OPMLText {
    static func clean(_ text: String) -> String? {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace, scalar != "\u{A0}", scalar != "\u{202F}" {
                pendingSpace = !result.isEmpty
            } else if isHidden(scalar) {
                continue
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? nil : result
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0, DEL, C1
        case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
        case 0x200E, 0x200F, 0x061C: return true            // bidi marks
        default: return false
        }
    }
}
