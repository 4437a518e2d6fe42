import FeedModel

// Article HTML → the plain text the search index holds: tags removed, entities decoded, white space
// collapsed, control and bidi-override characters dropped. Not a renderer (ArticleText does that);
// it only has to be fast and never glue two words of different blocks together.

enum HTMLPlainText {
    /// The plain text of an HTML fragment.
    static func text(of html: String) -> String {
        var output = PlainTextOutput(capacity: html.utf8.count)
        var scalars = Array(html.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "<":
                readMarkup(&scalars, into: &output)
            case "&":
                if let decoded = HTMLEntities.decode(&scalars) {
                    output.append(contentsOf: decoded)
                } else {
                    output.append(scalar)
                }
            default:
                output.append(scalar)
            }
        }
        return output.finish()
    }

    /// Elements whose text is never shown.
    private static let hiddenElements: Set<String> = ["script", "style", "template", "noscript", "head", "title"]

    /// Elements that start a new line of text: their boundaries separate words.
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "iframe", "img", "input", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select",
        "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "video", "audio",
    ]

    /// Consumes one tag, comment or declaration after its `<`.
    private static func readMarkup(_ scalars: inout ArraySlice<Unicode.Scalar>, into output: inout PlainTextOutput) {
        if scalars.starts(with: "!--".unicodeScalars) {
            skip(past: "-->", in: &scalars)
            return
        }
        if scalars.starts(with: "![CDATA[".unicodeScalars) {
            scalars.removeFirst(8)
            while let scalar = scalars.popFirst() {
                if scalar == "]", scalars.starts(with: "]>".unicodeScalars) { scalars.removeFirst(2); break }
                output.append(scalar)
            }
            return
        }
        guard let first = scalars.first, first == "/" || first == "!" || first == "?" || first.properties.isAlphabetic
        else {
            output.append("<") // a lone `<` in text, as in « a < b »
            return
        }
        let isClosing = first == "/"
        if isClosing { scalars.removeFirst() }
        var name = ""
        while let scalar = scalars.first, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            name.unicodeScalars.append(scalar)
            scalars.removeFirst()
        }
        name = name.lowercased()
        skipTag(&scalars)
        if !isClosing, hiddenElements.contains(name) {
            skip(pastClosing: name, in: &scalars)
        }
        if blockElements.contains(name) { output.appendSpace() }
    }

    /// Skips to the end of a tag, past quoted attribute values that may contain `>`.
    private static func skipTag(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        var quote: Unicode.Scalar?
        while let scalar = scalars.popFirst() {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return
            }
        }
    }

    private static func skip(past terminator: String, in scalars: inout ArraySlice<Unicode.Scalar>) {
        let end = Array(terminator.unicodeScalars)
        while !scalars.isEmpty {
            if scalars.starts(with: end) { scalars.removeFirst(end.count); return }
            scalars.removeFirst()
        }
    }

    /// Skips the content of a hidden element up to and including its closing tag.
    private static func skip(pastClosing name: String, in scalars: inout ArraySlice<Unicode.Scalar>) {
        let closing = Array("</\(name)".unicodeScalars)
        while !scalars.isEmpty {
            if scalars.count >= closing.count,
               zip(scalars.prefix(closing.count), closing).allSatisfy({ lowercase($0) == $1 }) {
                scalars.removeFirst(closing.count)
                skipTag(&scalars)
                return
            }
            scalars.removeFirst()
        }
    }

    private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}

/// Collects scalars, collapsing runs of white space into one space and dropping what must never be indexed.
private struct PlainTextOutput {
    private var text = String.UnicodeScalarView()
    private var pendingSpace = false

    init(capacity: Int) { text.reserveCapacity(capacity) }

    mutating func appendSpace() { pendingSpace = !text.isEmpty }

    mutating func append(contentsOf scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars { append(scalar) }
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{202F}" {
            appendSpace()
            return
        }
        if SafeText.isUnsafe(scalar) { return }
        if pendingSpace {
            text.append(" ")
            pendingSpace = false
        }
        text.append(scalar)
    }

    func finish() -> String { String(text) }
}
