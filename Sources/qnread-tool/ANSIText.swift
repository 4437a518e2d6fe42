import ScreenKit

/// Styled lines as ANSI SGR sequences for `qnread show` on a terminal. The text itself was cleaned of
/// controls upstream, so the only escapes printed are these.
enum ANSIText {
    static func render(_ line: StyledLine) -> String {
        var out = ""
        for span in line.spans {
            let codes = sgr(span.roles)
            if codes.isEmpty {
                out += span.text
            } else {
                out += "\u{1B}[" + codes + "m" + span.text + "\u{1B}[0m"
            }
        }
        return out
    }

    private static func sgr(_ roles: TextRoles) -> String {
        var codes: [String] = []
        if roles.contains(.heading) { codes.append("1"); codes.append("36") }
        if roles.contains(.strong) && !roles.contains(.heading) { codes.append("1") }
        if roles.contains(.dim) { codes.append("2") }
        if roles.contains(.emphasis) { codes.append("3") }
        if roles.contains(.underline) || roles.contains(.link) { codes.append("4") }
        if roles.contains(.match) { codes.append("7") }
        if roles.contains(.strike) { codes.append("9") }
        if roles.contains(.link) { codes.append("34") }
        if roles.contains(.code) { codes.append("33") }
        if roles.contains(.quote) && !roles.contains(.link) && !roles.contains(.code) { codes.append("32") }
        return codes.joined(separator: ";")
    }
}
