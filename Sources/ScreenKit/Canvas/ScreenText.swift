/// What may reach a terminal cell.
public enum ScreenText {
    /// False for C0/C1 controls, DEL and the bidi embedding/override/isolate controls: text from feeds is hostile.
    public static func isDrawable(_ character: Character) -> Bool {
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return false
            default: continue
            }
        }
        return true
    }

    /// The text with every undrawable character removed (tabs and newlines become spaces).
    public static func sanitized(_ text: String) -> String {
        var out = ""
        for character in text {
            if ScreenText.isDrawable(character) { out.append(character) }
            else if character == "\t" || character == "\n" || character == "\r\n" { out.append(" ") }
        }
        return out
    }
}
