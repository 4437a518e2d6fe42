import Foundation
import ReaderConfig
import ReaderCore
import Testing

// scripts/man-page writes qnread(1) for `make install` from the tool's own description of its commands.

@Test("The man page keeps French characters as groff escapes and documents every shown subcommand")
func manPageKeepsAccents() throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/man-page")
    let tool = QnReadProcess.binaryURL.deletingLastPathComponent().appendingPathComponent("qnread-tool")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, tool.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let page = String(decoding: data, as: UTF8.self)
    #expect(page.contains(#".Nd "A terminal newsroom reader for Qu\[u00E9]bec's tech communities.""#))
    #expect(page.contains(#"e.g. qu\[u00E9]bec num\[u00E9]ri* -emploi."#))
    // Only ASCII reaches groff: everything else is escaped.
    #expect(data.allSatisfy { $0 < 0x80 })
    for command in ["parse", "feeds", "reload", "config", "keys", "import-file", "articles", "search", "mark", "stats",
                    "cleanup", "show"] {
        #expect(page.contains("\n.It Em \(command)\n"), "no entry for \(command)")
    }
    #expect(!page.contains(".It Em bench-store"), "a hidden command is documented")
    #expect(page.components(separatedBy: "\n.Bl ").count == page.components(separatedBy: "\n.El").count)

    // The reader's part comes from the tables it runs on: every action with its keys, every setting.
    for section in ["KEYS", "CONFIGURATION", "ENVIRONMENT", "FILES"] {
        #expect(page.contains("\n.Sh \(section)\n"), "no \(section)")
    }
    for entry in ActionTable.entries {
        let keys = entry.keys.map { "Cm \\&" + $0 }.joined(separator: " , ")
        #expect(page.contains("\n.It \(keys) Pq Ic \(entry.action.rawValue)\n\(entry.help)."), "\(entry.action)")
    }
    #expect(page.contains("\n.It Cm \\&| Pq Ic pipe-to\nPipe the article's text to the pipe command. On: article list, article, search results.\n"))
    for setting in ConfigSettings.all {
        #expect(page.contains("\n.It Ic \(setting.name) No = Li "), "\(setting.name)")
    }
    #expect(page.contains("\n.It Ic retention_days No = Li \"N (0-100000)\"\nAfter each reload"))
    #expect(page.contains("\n.It Ev QNREAD_DB\n") && page.contains("\n.It Pa $XDG_DATA_HOME/qnread/qnread.sqlite\n"))
}

// `make install` puts this page in share/man/fr/man1: the tool's help in French, the action and settings tables'
// texts through the catalogue, and the script's own words from po/fr.po (msgfmt, then Python's gettext).
@Test("scripts/man-page --language fr writes the French page from the same tables, whatever the caller's locale")
func frenchManPage() throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/man-page")
    let tool = QnReadProcess.binaryURL.deletingLastPathComponent().appendingPathComponent("qnread-tool")
    func page(_ arguments: [String], lang: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["LANG=\(lang)", "LC_ALL=", "python3", script.path] + arguments + [tool.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(data.allSatisfy { $0 < 0x80 })
        return String(decoding: data, as: UTF8.self)
    }
    let french = try page(["--language", "fr"], lang: "C.UTF-8")
    #expect(french.contains("\n.Sh NOM\n.Nm qnread\n.Nd \"Un lecteur de nouvelles en terminal pour les communaut\\[u00E9]s techno du Qu\\[u00E9]bec.\"\n"))
    for section in ["TOUCHES", "CONFIGURATION", "ENVIRONNEMENT", "FICHIERS", "\"CODE DE RETOUR\""] {
        #expect(french.contains("\n.Sh \(section)\n"), "no \(section)")
    }
    #expect(french.contains("\n.It Cm \\&j , Cm \\&Down Pq Ic down\nDescendre d\\[u2019]une ligne. Sur\\[u00A0]: tous les \\[u00E9]crans.\n"))
    #expect(french.contains("\n.It Ic language No = Li \\(dqfr\\(dq|\\(dqen\\(dq\nLa langue de l\\[u2019]interface"))
    #expect(french.contains("Sans sous-commande, qnread ouvre le lecteur."))
    #expect(french.components(separatedBy: "\n.Bl ").count == french.components(separatedBy: "\n.El").count)
    // The English page stays English when whoever installs runs a French locale.
    let english = try page([], lang: "fr_CA.UTF-8")
    #expect(english.contains("\n.Sh NAME\n") && english.contains("With no subcommand, qnread opens the reader."))
}
