import Localization
import FeedList
import Foundation
import TOMLKit

// config.toml's `[sync]` table into FeedList's `SyncAccount`:
//
//     [sync]
//     service = "ttrss"
//     url = "https://rss.example.org/tt-rss/"
//     user = "marie"
//     password_command = ["pass", "show", "ttrss"]   # or password = "…"
//
// A table with any problem gives no account (each problem reported on its line), so a typo never sends a
// password to the wrong place.
extension ConfigReader {
    mutating func readSync(_ value: TOMLValueConvertible) {
        guard let table = value.table else { return fail(at: ["sync"], message: N_("sync must be a table: [sync]")) }
        var service = SyncAccount.Service.ttrss, url: String?, user: String?, password: SyncAccount.PasswordSource?
        var sound = true
        func problem(_ key: String, message messageID: String, _ arguments: String...) {
            config.errors.append(ConfigError(file: fileName, line: line(of: ["sync", key]), messageID: messageID, arguments: arguments))
            sound = false
        }
        for key in table.keys.sorted(by: { (line(of: ["sync", $0]) ?? 0) < (line(of: ["sync", $1]) ?? 0) }) {
            let entry = table[key]!
            switch key {
            case "service":
                if let name = entry.string, let known = SyncAccount.Service(rawValue: name) {
                    service = known
                } else {
                    problem(key, message: N_("sync.service must be %s"), "\(SyncAccount.Service.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or "))")
                }
            case "url":
                if let text = entry.string, let reason = Self.serverURLProblem(text) {
                    problem(key, message: reason)
                } else if let text = entry.string {
                    url = text
                } else {
                    problem(key, message: N_("sync.url must be a string"))
                }
            case "user":
                if let name = entry.string, !name.isEmpty { user = name } else { problem(key, message: N_("sync.user must be a non-empty string")) }
            case "password_command":
                guard let array = entry.array, !array.isEmpty, array.allSatisfy({ $0.string?.isEmpty == false }) else {
                    problem(key, message: N_("sync.password_command must be a list of strings, the program first (no shell)"))
                    continue
                }
                if password != nil { problem(key, message: N_("sync: give password_command or password, not both")) }
                password = .command(array.compactMap(\.string))
            case "password":
                guard let text = entry.string, !text.isEmpty else { problem(key, message: N_("sync.password must be a non-empty string")); continue }
                if password != nil { problem(key, message: N_("sync: give password_command or password, not both")) }
                password = .inline(text)
            default:
                problem(key, message: N_("unknown sync setting \"%s\" (use service, url, user, password_command or password)"), key)
            }
        }
        if url == nil, table["url"] == nil { problem("url", message: N_("[sync] needs url = \"https://…/\" (the Tiny Tiny RSS address)")) }
        if user == nil, table["user"] == nil { problem("user", message: N_("[sync] needs user = \"…\"")) }
        if password == nil, table["password"] == nil, table["password_command"] == nil {
            problem("password_command", message: N_("[sync] needs password_command = [\"pass\", \"show\", \"…\"] or password = \"…\""))
        }
        guard sound, let url, let user, let password else { return }
        config.sync = SyncAccount(service: service, url: url, user: user, password: password)
    }

    static func serverURLProblem(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else {
            return N_("sync.url must be an http or https address (\"https://rss.example.org/tt-rss/\")")
        }
        return nil
    }
}

extension ReaderConfiguration {
    /// A password written in a file every user of the machine can read: a warning on the `password` line.
    /// `text`: the file's text, as already read.
    func passwordExposure(file: URL, text: String) -> ConfigError? {
        guard case .inline = sync?.password,
              let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              let mode = attributes[.posixPermissions] as? Int, mode & 0o004 != 0 else { return nil }
        return ConfigError(file: file.lastPathComponent, line: TOMLKeyLines(text).line(of: ["sync", "password"]),
                           messageID: N_("every user of this machine can read the sync password here: chmod 600 %s, or use password_command"),
                           arguments: [file.lastPathComponent])
    }
}
