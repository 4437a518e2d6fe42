import Foundation
import Localization

/// Every command, option and argument as JSON, in the catalogue's language, for scripts/man-page: the shape of
/// swift-argument-parser's `--experimental-dump-help`, which that script was written for, with what help shows.
public enum HelpDump {
    public static func json(_ root: CommandTable, catalogue: Catalogue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Dump(command: Command(root, isRoot: true, catalogue)))
        return String(decoding: data, as: UTF8.self)
    }

    private struct Dump: Encodable {
        var command: Command
    }

    private struct Command: Encodable {
        var commandName: String
        var abstract: String
        var discussion: String?
        var shouldDisplay: Bool
        var arguments: [Argument]
        var subcommands: [Command]

        init(_ table: CommandTable, isRoot: Bool, _ catalogue: Catalogue) {
            commandName = table.name
            abstract = table.abstractText(catalogue)
            discussion = table.discussion.isEmpty ? nil : table.discussionText(catalogue)
            shouldDisplay = !table.isHidden
            var rows = table.rows
            if isRoot, table.version != nil { rows.append(.versionFlag) }
            rows.append(.helpFlag)
            arguments = rows.map { Argument($0, catalogue) }
            subcommands = table.subcommands.map { Command($0, isRoot: false, catalogue) }
        }
    }

    private struct Name: Encodable {
        var kind: String
        var name: String
    }

    private struct Argument: Encodable {
        var kind: String
        var names: [Name]?
        var valueName: String?
        var isRepeating: Bool
        var isOptional: Bool
        var shouldDisplay: Bool
        var abstract: String?
        var defaultValue: String?
        var allValues: [String]?

        init(_ row: ArgumentRow, _ catalogue: Catalogue) {
            switch row.kind {
            case .flag: kind = "flag"
            case .option: kind = "option"
            case .positional: kind = "positional"
            }
            if row.kind != .positional {
                names = (row.short.map { [Name(kind: "short", name: String($0))] } ?? []) + [Name(kind: "long", name: row.name)]
                valueName = row.kind == .option ? row.valueName : nil
            } else {
                valueName = row.valueName
            }
            isRepeating = row.isRepeating
            isOptional = !row.isRequired
            shouldDisplay = !row.isHidden
            let text = row.helpText(catalogue)
            abstract = text.isEmpty ? nil : text
            defaultValue = row.defaultValue
            if case .choice(let words) = row.value { allValues = words }
        }
    }
}
