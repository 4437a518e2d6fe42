import TextSafety

/// What may reach a terminal cell: the last gate, so that no caller can forget `SafeText`.
public enum ScreenText {
    /// False for a character with any scalar `SafeText.isUnsafe` names: text from feeds is hostile.
    public static func isDrawable(_ character: Character) -> Bool {
        !character.unicodeScalars.contains(where: SafeText.isUnsafe)
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
