/// Small HTML facts the parser needs when it writes markup back out.
enum HTMLText {
    /// Elements that have no end tag in HTML.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr"]

    /// Plain text as HTML that shows the same text (Atom type="text", JSON Feed content_text and summary):
    /// `&`, `<`, `>` escaped, and the lines kept as markup, since in HTML a line break is only a space: a blank
    /// line ends a paragraph (`<p>`), a single line break is a `<br>`. Done here and not in the renderer: once
    /// stored as HTML, nothing tells plain text whose line breaks matter from markup whose line breaks do not.
    static func fromPlainText(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return escape(text) }
        var paragraphs: [[Substring]] = [[]]
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        return paragraphs.filter { !$0.isEmpty }
            .map { "<p>" + $0.map { escape(String($0)) }.joined(separator: "<br>") + "</p>" }
            .joined()
    }

    private static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
