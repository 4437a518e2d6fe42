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
        func fail(_ path: [String], _ reason: String) {
            errors.append(ConfigError(file: fileName, line: lines.line(of: path), reason: reason))
        }
        let table: TOMLTable
        do {
            table = try TOMLDocument.table(text)
        } catch {
            return (Theme.builtIn, [ConfigError(file: fileName, line: error.line, reason: error.reason)])
        }
        for key in table.keys {
            if key == "description" { continue }
            guard let role = ThemeRole(rawValue: key) else {
                fail([key], "unknown role \"\(key)\" (use \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard let fields = table[key]?.table else {
                fail([key], "\(key) must be a table with fg, bg and attributes")
                continue
            }
            var style = Style()
            for field in fields.keys {
                let value = fields[field]!
                switch field {
                case "fg", "bg":
                    guard let colorName = value.string else {
                        fail([key, field], "\(key).\(field) must be a colour name")
                        continue
                    }
                    if colorName == "default" { continue }
                    guard let color = Color(name: colorName) else {
                        fail([key, field], "\"\(colorName)\" is not a colour (use black…white, color0–color255 or #rrggbb)")
                        continue
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "attributes":
                    let names = value.string.map { [$0] } ?? value.array?.compactMap { $0.string } ?? []
                    for attribute in names {
                        guard let found = TextAttributes.names.first(where: { $0.0 == attribute }) else {
                            fail([key, field], "\"\(attribute)\" is not an attribute (use bold, dim, underline, reverse, italic)")
                            continue
                        }
                        style.attributes.insert(found.1)
                    }
                default:
                    fail([key, field], "unknown field \"\(field)\" in [\(key)] (use fg, bg, attributes)")
                }
            }
            theme.styles[role] = style
        }
        return (theme, errors)
    }
}
