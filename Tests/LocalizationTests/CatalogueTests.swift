import Foundation
import Localization
import Testing

@Suite("The message catalogue")
struct CatalogueTests {
    let french = Catalogue(.fr)
    let english = Catalogue.english

    @Test("LC_ALL wins over LC_MESSAGES, which wins over LANG; an empty one does not count")
    func languageFromEnvironment() {
        #expect(Language.fromEnvironment(["LANG": "fr_CA.UTF-8"]) == .fr)
        #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(Language.fromEnvironment(["LANG": "fr"]) == .fr)
        #expect(Language.fromEnvironment(["LANG": "fr_BE@euro"]) == .fr)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "en_CA.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "fy_NL.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "fr_CA.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"]) == .fr)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "POSIX", "LANG": "fr_CA.UTF-8"]) == .en)
    }

    @Test("French counts 0 and 1 as singular, English only 1")
    func plurals() {
        let forms = [0, 1, 2, 12_345].map { french.trn("%d article", "%d articles", $0) }
        #expect(forms == ["0 article", "1 article", "2 articles", "12\u{202F}345 articles"])
        let english = [0, 1, 2].map { self.english.trn("%d article", "%d articles", $0) }
        #expect(english == ["0 articles", "1 article", "2 articles"])
    }

    @Test("French groups thousands with a narrow no-break space from five digits on; English keeps digits together")
    func numbers() {
        #expect(french.number(12_345) == "12\u{202F}345")
        #expect(french.number(1_234_567) == "1\u{202F}234\u{202F}567")
        #expect(french.number(-98_765) == "-98\u{202F}765")
        #expect(french.number(1234) == "1234")
        #expect(french.number(0) == "0")
        #expect(english.number(12_345) == "12345")
    }

    @Test("Arguments fill %s and %d in turn, %N$ in the order the translation asks, %% is a percent sign")
    func formatting() {
        #expect(english.tr("%d/%d %d%%", 3, 40, 7) == "3/40 7%")
        #expect(english.tr("Tag: %s", "Québec") == "Tag: Québec")
        #expect(french.tr("Tag: %s", "Québec") == "Étiquette\u{00A0}: Québec")
        #expect(english.tr("No such message %s", "x") == "No such message x")
        #expect(french.tr("Dates in lists and articles: %Y %y %m %d %e %H %M %S %b %a %j %%.").hasSuffix("%j %%."),
                "a message given no arguments is shown as written")
    }

    @Test("A context tells apart two messages with the same English (gettext's msgctxt)")
    func contexts() {
        #expect(french.tr("Starred") == "Favoris")
        #expect(french.trc("status", "Starred") == "Ajouté aux favoris")
        #expect(english.trc("status", "Starred") == "Starred")
    }

    @Test("Every message of the code has a French translation in po/fr.po, and po/fr.po keeps no unused one")
    func completeInFrench() throws {
        let (status, output) = try run(["scripts/messages", "check"])
        #expect(status == 0, "\(output)")
    }

    @Test("The French table is what msgfmt reads in po/fr.po: the same messages, no fuzzy or empty ones")
    func tableMatchesMsgfmt() throws {
        let (status, output) = try run(["msgfmt", "--statistics", "--check", "-o", "/dev/null", "po/fr.po"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(french.table.count) translated messages"), "\(output)")
        #expect(!output.contains("fuzzy") && !output.contains("untranslated"), "\(output)")
    }

    // The CatalogueTables plugin reads .po files itself (at build time, no gettext needed); gettext's own msgfmt, read back by
    // Python's gettext module, must give the very same table: escapes, continued lines, plurals, contexts.
    @Test("The compiled-in French table is exactly what msgfmt compiles from po/fr.po")
    func tableEqualsGettext() throws {
        let script = """
            import gettext, json, subprocess, sys, tempfile, os
            d = tempfile.mkdtemp(); mo = os.path.join(d, "fr.mo")
            subprocess.run(["msgfmt", "-o", mo, "po/fr.po"], check=True)
            table = {}
            for key, text in gettext.GNUTranslations(open(mo, "rb"))._catalog.items():
                if key == "": continue
                if isinstance(key, tuple): table.setdefault(key[0], {})[key[1]] = text
                else: table[key] = {0: text}
            print(json.dumps({k: [v[i] for i in sorted(v)] for k, v in table.items()}))
            """
        let (status, output) = try run(["python3", "-c", script])
        #expect(status == 0, "\(output)")
        let gettext = try JSONDecoder().decode([String: [String]].self, from: Data(output.utf8))
        #expect(gettext.count == french.table.count)
        for (msgid, forms) in gettext where french.table[msgid] != forms {
            Issue.record("\(msgid): msgfmt gives \(forms), the table \(french.table[msgid] ?? [])")
        }
    }

    @Test("French punctuation: a no-break space before : ; ! ? », after «, never an ordinary one")
    func frenchTypography() {
        let noBreak: Set<Character> = ["\u{00A0}", "\u{202F}"]
        for (msgid, forms) in french.table {
            for text in forms {
                let chars = Array(text)
                for (i, char) in chars.enumerated() {
                    let before = i > 0 ? chars[i - 1] : nil
                    let after = i + 1 < chars.count ? chars[i + 1] : nil
                    if ":;!?»".contains(char), after == nil || after == " " || after == ")" || char == "»" {
                        // A colon in a key hint (q:Quitter), a URL or notation the program reads or writes
                        // (config.toml:LIGNE:, query:, column N:) is no punctuation.
                        guard char != ":" || !Self.isNotation(before: chars[..<i], msgid: msgid) else { continue }
                        #expect(before.map(noBreak.contains) == true, "«\(text)» (\(msgid)): \(char) needs a no-break space before")
                    }
                    if char == "«" {
                        #expect(after.map(noBreak.contains) == true, "«\(text)» (\(msgid)): « needs a no-break space after")
                    }
                }
            }
        }
    }

    /// The word a colon ends is notation when it holds a colon or a dot (config.toml:LIGNE), or when the English
    /// has the same word and colon and the word is a lowercase keyword or capitals (query:, filter:, N:).
    static func isNotation(before: ArraySlice<Character>, msgid: String) -> Bool {
        let word = String(before.reversed().prefix { !$0.isWhitespace && !"(\"'".contains($0) }.reversed())
        if word.contains(":") || word.contains(".") { return true }
        guard !word.isEmpty, word.allSatisfy(\.isASCII), msgid.contains(word + ":") else { return false }
        return word.first!.isLowercase || word.allSatisfy(\.isUppercase)
    }

    private func run(_ arguments: [String]) throws -> (Int32, String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
