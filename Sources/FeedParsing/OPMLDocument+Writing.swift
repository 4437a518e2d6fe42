import Foundation

/// OPML 2.0 text, UTF-8, every attribute escaped. The creation date comes in: pure code has no clock.
extension OPMLDocument {
    public func xml(dateCreated: Date) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
        ]
        if let title { lines.append("    <title>\(OPMLDocument.escaped(title, quotes: false))</title>") }
        lines.append("    <dateCreated>\(FeedDate.rfc822(dateCreated))</dateCreated>")
        lines.append("  </head>")
        lines.append("  <body>")
        for outline in outlines { OPMLDocument.append(outline, depth: 2, to: &lines) }
        lines.append("  </body>")
        lines.append("</opml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ outline: OPMLOutline, depth: Int, to lines: inout [String]) {
        // OPML 2.0 requires `text`; a feed with no title shows its URL.
        var attributes: [(String, String?)] = [("text", outline.text ?? outline.title ?? outline.xmlURL ?? "")]
        attributes += [("title", outline.title), ("type", outline.type), ("xmlUrl", outline.xmlURL),
                       ("htmlUrl", outline.htmlURL)]
        // A comma would split a tag in two when read back: it is the one character a category cannot hold.
        let categories = outline.categories.map { $0.replacingOccurrences(of: ",", with: " ") }
        if !categories.isEmpty { attributes.append(("category", categories.joined(separator: ","))) }
        let written = attributes.compactMap { name, value in
            value.map { "\(name)=\"\(escaped($0, quotes: true))\"" }
        }
        let indent = String(repeating: "  ", count: depth)
        let opening = "\(indent)<outline \(written.joined(separator: " "))"
        if outline.children.isEmpty {
            lines.append(opening + "/>")
        } else {
            lines.append(opening + ">")
            for child in outline.children { append(child, depth: depth + 1, to: &lines) }
            lines.append("\(indent)</outline>")
        }
    }

    /// XML 1.0 cannot carry most control characters at all, so they are dropped; in attributes, tabs and
    /// newlines become character references so a parser does not normalise them to spaces.
    private static func escaped(_ text: String, quotes: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\t" where quotes: result += "&#9;"
            case "\n" where quotes: result += "&#10;"
            case "\r" where quotes: result += "&#13;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
