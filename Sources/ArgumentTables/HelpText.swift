import Localization

/// Help, usage and usage errors, written from the tables in the catalogue's language, laid out as
/// swift-argument-parser laid them out (which qnread used until issue 16): labels in 2 columns, texts from column 26.
public struct HelpText {
    public var catalogue: Catalogue
    /// Where lines wrap.
    public var width: Int

    public init(catalogue: Catalogue, width: Int = 80) {
        self.catalogue = catalogue
        self.width = width
    }

    private static let textColumn = 26

    /// `qnread feeds add`
    public static func commandName(_ path: [CommandTable]) -> String {
        path.map(\.name).joined(separator: " ")
    }

    /// `qnread show [--db <path>] … [<article-id>] [--file <file.html>]`: every shown row in table order.
    public static func usage(_ path: [CommandTable]) -> String {
        let command = path[path.count - 1]
        var parts = [commandName(path)]
        for row in command.rows where !row.isHidden {
            let required = row.isRequired && row.kind != .flag
            parts.append(required ? row.synopsis : "[" + row.synopsis + "]")
        }
        if !command.subcommands.isEmpty { parts.append("<subcommand>") }
        return parts.joined(separator: " ")
    }

    /// The whole of `--help`.
    public func help(_ path: [CommandTable]) -> String {
        let command = path[path.count - 1]
        var out = wrapped(tr("OVERVIEW:") + " " + command.abstractText(catalogue), indent: 0) + "\n"
        if !command.discussion.isEmpty { out += "\n" + wrapped(command.discussionText(catalogue), indent: 0) + "\n" }
        out += "\n" + tr("USAGE:") + " " + Self.usage(path) + "\n"
        let shown = command.rows.filter { !$0.isHidden }
        let positionals = shown.filter { $0.kind == .positional }
        if !positionals.isEmpty {
            out += "\n" + tr("ARGUMENTS:") + "\n"
            for row in positionals { out += entry("<\(row.valueName)>", text(of: row)) }
        }
        out += "\n" + tr("OPTIONS:") + "\n"
        var options = shown.filter { $0.kind != .positional }
        if path.count == 1, command.version != nil { options.append(.versionFlag) }
        options.append(.helpFlag)
        for row in options { out += entry(label(row), text(of: row)) }
        let subcommands = command.subcommands.filter { !$0.isHidden }
        if !subcommands.isEmpty {
            out += "\n" + tr("SUBCOMMANDS:") + "\n"
            for subcommand in subcommands { out += entry(subcommand.name, subcommand.abstractText(catalogue)) }
            let helpCommand = ([path[0].name, "help"] + path.dropFirst().map(\.name) + ["<subcommand>"]).joined(separator: " ")
            out += "\n  " + tr("See '%s' for detailed help.", helpCommand)
        }
        return out
    }

    /// A usage error: `Error: …`, the usage, and where to read more; for standard error.
    public func usageError(_ message: String, _ path: [CommandTable]) -> String {
        tr("Error: %s", message) + "\n" + tr("Usage: %s", Self.usage(path)) + "\n  "
            + tr("See '%s' for more information.", Self.commandName(path) + " --help") + "\n"
    }

    /// `-h, --help`, `--db <path>`
    private func label(_ row: ArgumentRow) -> String {
        let long = row.kind == .flag ? "--" + row.name : "--\(row.name) <\(row.valueName)>"
        return row.short.map { "-\($0), " + long } ?? long
    }

    /// The row's help, then its choices and default.
    private func text(of row: ArgumentRow) -> String {
        var text = row.helpText(catalogue)
        var note: String?
        if case .choice(let words) = row.value {
            let values = words.joined(separator: ", ")
            note = row.defaultValue.map { tr("values: %s; default: %s", values, $0) } ?? tr("values: %s", values)
        } else if let value = row.defaultValue {
            note = tr("default: %s", value)
        }
        if let note { text += (text.isEmpty ? "" : " ") + "(" + note + ")" }
        return text
    }

    /// `  label                   text…`, the text wrapped from column 26; a long label gets a line of its own.
    private func entry(_ label: String, _ text: String) -> String {
        let start = "  " + label
        let body = wrapped(text, indent: Self.textColumn)
        let textPart = String(body.dropFirst(Self.textColumn))
        if start.count <= Self.textColumn - 2 {
            return start + String(repeating: " ", count: Self.textColumn - start.count) + textPart + "\n"
        }
        return start + "\n" + body + "\n"
    }

    /// `text` in lines of at most `width` columns, each indented by `indent` (the first one included); its own
    /// line breaks kept. A word followed by another must leave room for the space after it (argument-parser's rule).
    func wrapped(_ text: String, indent: Int) -> String {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(separator: " ")
            var line = margin
            for (index, word) in words.enumerated() {
                let space = index == words.count - 1 ? 0 : 1
                if line.count > indent, line.count + 1 + word.count + space > width {
                    lines.append(line)
                    line = margin
                }
                line += (line.count > indent ? " " : "") + word
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func tr(_ msgid: String, _ arguments: any MessageArgument...) -> String {
        catalogue.tr(msgid, arguments: arguments)
    }
}
