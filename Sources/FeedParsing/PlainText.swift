import TextSafety

/// Feed text made into one safe line of plain text, the parser's way: nil rather than empty. The cleaning itself
/// is TextSafety's (`HTMLPlainText`, `SafeText`), the same everywhere.
public enum PlainText {
    /// Text that may carry HTML markup and entities (RSS titles, Atom type="html").
    public static func fromHTML(_ html: String) -> String? {
        nonEmpty(HTMLPlainText.text(of: html))
    }

    /// Text known to be plain (Atom type="text", JSON Feed): nothing is taken for markup.
    public static func fromText(_ text: String) -> String? {
        nonEmpty(SafeText.collapsedLine(text))
    }

    /// Removes unsafe characters (line breaks and tabs among them); nothing else changes.
    public static func sanitized(_ text: String) -> String {
        SafeText.removingUnsafe(text)
    }

    /// Without leading and trailing ASCII white space; nil when nothing is left.
    static func trimmed(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !$0.isXMLSpace }) else { return nil }
        let last = utf8.lastIndex(where: { !$0.isXMLSpace })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return text }
        return String(text[first...last])
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
