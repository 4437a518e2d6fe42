/// The interface's words in one language: English text in, the language's text out. Pure — the tables are compiled
/// in (`CatalogueTables`, generated from po/*.po), so the program finds them wherever it is installed.
///
/// Calls are written as gettext's so that `xgettext` finds every message (scripts/messages): `tr("Quit")`,
/// `tr("%s unread", count)`, `trn("%d article", "%d articles", n)`, and `N_("…")` marks a text kept in a table
/// that is translated where it is shown.
public struct Catalogue: Hashable, Sendable {
    public var language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public static let english = Catalogue(.en)

    /// The message in this language; `%s`, `%d` (or `%1$s`, `%2$d` for another order) take the arguments in turn.
    public func tr(_ msgid: String, _ arguments: any MessageArgument...) -> String {
        tr(msgid, arguments: arguments)
    }

    /// `tr` with its arguments as an array, for a program's own shorthand functions.
    public func tr(_ msgid: String, arguments: [any MessageArgument]) -> String {
        format(translation(of: msgid)?.first ?? msgid, arguments)
    }

    /// A message that means something else elsewhere: `context` tells them apart (gettext's msgctxt, pgettext).
    public func trc(_ context: String, _ msgid: String, _ arguments: any MessageArgument...) -> String {
        trc(context, msgid, arguments: arguments)
    }

    public func trc(_ context: String, _ msgid: String, arguments: [any MessageArgument]) -> String {
        format(translation(of: context + "\u{4}" + msgid)?.first ?? msgid, arguments)
    }

    /// A message whose words follow a count, with the language's plural rule; the arguments default to the count.
    public func trn(_ singular: String, _ plural: String, _ count: Int, _ arguments: any MessageArgument...) -> String {
        trn(singular, plural, count, arguments: arguments)
    }

    public func trn(_ singular: String, _ plural: String, _ count: Int, arguments: [any MessageArgument]) -> String {
        let index = language.pluralIndex(count)
        let forms = translation(of: singular) ?? [singular, plural]
        let text = index < forms.count ? forms[index] : (count == 1 ? singular : plural)
        return format(text, arguments.isEmpty ? [count] : arguments)
    }

    /// An integer as the language writes it: French groups thousands with a narrow no-break space (12 345) from
    /// five digits on, as the Imprimerie nationale does (1234 stays whole); English keeps the digits together.
    public func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard language == .fr, digits.count > 4 else {
            return value < 0 ? "-" + digits : digits
        }
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A number with `places` decimals as the language writes it: `1.5` in English, `1,5` in French.
    public func decimal(_ value: Double, places: Int = 1) -> String {
        var scale = 1
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        let whole = (value < 0 && scaled > 0 ? "-" : "") + String(scaled / scale)
        guard places > 0 else { return whole }
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return whole + (language == .fr ? "," : ".") + padded
    }

    /// This language's table from its .po: msgid → msgstr, or its plural forms in order (empty for English).
    public var table: [String: [String]] { CatalogueTables.tables[language.rawValue] ?? [:] }

    private func translation(of msgid: String) -> [String]? {
        CatalogueTables.tables[language.rawValue]?[msgid]
    }

    /// printf's `%s`, `%d`, `%N$s` and `%%`, nothing more: every argument prints itself in the language.
    /// A message given no arguments is shown as it is, as gettext's callers do: `%` in a help text is no directive.
    private func format(_ text: String, _ arguments: [any MessageArgument]) -> String {
        guard !arguments.isEmpty, text.contains("%") else { return text }
        var out = ""
        var next = 0
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            index = text.index(after: index)
            guard char == "%", index < text.endIndex else {
                out.append(char)
                continue
            }
            var position: Int?
            var spec = text[index]
            if spec.isNumber, let dollar = text[index...].firstIndex(of: "$"), let n = Int(text[index..<dollar]) {
                position = n - 1
                index = text.index(after: dollar)
                guard index < text.endIndex else { break }
                spec = text[index]
            }
            index = text.index(after: index)
            switch spec {
            case "%": out.append("%")
            case "s", "d":
                let argument = position ?? next
                next = argument + 1
                out += argument < arguments.count ? arguments[argument].text(in: self) : ""
            default: out += "%" + String(spec)
            }
        }
        return out
    }
}

/// A value a message prints: numbers in the language's way, text as it is.
public protocol MessageArgument: Sendable {
    func text(in catalogue: Catalogue) -> String
}

extension Int: MessageArgument {
    public func text(in catalogue: Catalogue) -> String { catalogue.number(self) }
}

extension String: MessageArgument {
    public func text(in catalogue: Catalogue) -> String { self }
}

extension Substring: MessageArgument {
    public func text(in catalogue: Catalogue) -> String { String(self) }
}

/// Marks a text that a table keeps in English and that is translated where it is shown (gettext's `N_`).
public func N_(_ msgid: String) -> String { msgid }
