import FeedList
import Foundation

/// The XDG user directories (Downloads, Documents…) as `xdg-user-dir NAME` finds them: the `XDG_NAME_DIR` line
/// of `$XDG_CONFIG_HOME/user-dirs.dirs`, else that variable in the environment, else `$HOME`. The file is read,
/// never run: it is a shell fragment, and only its two documented forms count, `"$HOME/…"` and `"/…"`.
public enum XDGUserDirectory {
    public static func path(_ name: String, environment: [String: String]) -> String {
        let home = XDGBaseDirectory.home(environment).path
        let file = XDGBaseDirectory.config.directory(environment: environment).appendingPathComponent("user-dirs.dirs")
        if let data = FileManager.default.contents(atPath: file.path),
           let path = value(of: name, inDirsFile: String(decoding: data, as: UTF8.self), home: home) {
            return path
        }
        if let path = environment["XDG_\(name)_DIR"], path.hasPrefix("/") { return path }
        return home
    }

    /// The last `XDG_NAME_DIR=` line's directory (the shell keeps the last assignment), `$HOME` replaced.
    static func value(of name: String, inDirsFile text: String, home: String) -> String? {
        let variable = "XDG_\(name)_DIR="
        var found: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix(variable) else { continue }
            var value = line.dropFirst(variable.count)
            while value.last == " " || value.last == "\t" || value.last == "\r" { value = value.dropLast() }
            guard value.count >= 2, value.first == "\"", value.last == "\"" else { continue }
            value = value.dropFirst().dropLast()
            if value == "$HOME" {
                found = home
            } else if value.hasPrefix("$HOME/") {
                found = home + value.dropFirst("$HOME".count)
            } else if value.hasPrefix("/") {
                found = String(value)
            }
        }
        return found
    }
}
