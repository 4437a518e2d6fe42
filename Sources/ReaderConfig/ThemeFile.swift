import Localization
import Foundation
import ReaderCore
import ScreenKit
import TOMLKit

/// Reads `themes/NAME.toml`: one table per role, `fg`/`bg` (8 names, `colorN`, `#rrggbb`, or "default") and
/// `attributes` (bold, dim, underline, reverse, italic). Roles left out keep the built-in default's style.
public enum ThemeFile {
    public static func parse(_ text: String, name: String, fileName: String) -> (Theme, [ConfigError]) {
        var theme = Theme(name: name, styles: Theme.builtIn.styles)
        var errors: [ConfigError] = []
        let lines = TOMLKeyLines(text)
        func fail(_ path: [String], message messageID: String, _ arguments: String...) {
            errors.append(ConfigError(file: fileName, line: lines.line(of: path), messageID: messageID, arguments: arguments))
        }
        let table: TOMLTable
        do {
            table = try TOMLDocument.table(text)
        } catch {
            return (Theme.builtIn, [error.configError(file: fileName)])
        }
        for key in table.keys {
            if key == "description" { continue }
            guard let role = ThemeRole(rawValue: key) else {
                fail([key], message: N_("unknown role \"%s\" (use %s)"), key, "\(ThemeRole.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard let fields = table[key]?.table else {
                fail([key], message: N_("%s must be a table with fg, bg and attributes"), key)
                continue
            }
            var style = Style()
            for field in fields.keys {
                let value = fields[field]!
                switch field {
                case "fg", "bg":
                    guard let colorName = value.string else {
                        fail([key, field], message: N_("%s.%s must be a colour name"), key, field)
                        continue
                    }
                    if colorName == "default" { continue }
                    guard let color = Color(name: colorName) else {
                        fail([key, field], message: N_("\"%s\" is not a colour (use black…white, color0–color255 or #rrggbb)"), colorName)
                        continue
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "attributes":
                    let names = value.string.map { [$0] } ?? value.array?.compactMap { $0.string } ?? []
                    for attribute in names {
                        guard let found = TextAttributes.names.first(where: { $0.0 == attribute }) else {
                            fail([key, field], message: N_("\"%s\" is not an attribute (use bold, dim, underline, reverse, italic)"), attribute)
                            continue
                        }
                        style.attributes.insert(found.1)
                    }
                default:
                    fail([key, field], message: N_("unknown field \"%s\" in [%s] (use fg, bg, attributes)"), field, key)
                }
            }
            theme.styles[role] = style
        }
        return (theme, errors)
    }
}
