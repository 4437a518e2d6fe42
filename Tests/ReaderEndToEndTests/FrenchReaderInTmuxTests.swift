import Foundation
import Testing

// The real reader in tmux under a French locale, as a Québec user runs it, and under C.UTF-8: the words, the
// dates, the confirmation letter and the no-break spaces on a real terminal. scripts/ensure-locale (make test)
// generates fr_CA.UTF-8; the French itself needs no locale data (see frenchWithoutLocaleData).

@Suite("qnread in a terminal, in French", .serialized)
struct FrenchReaderInTmuxTests {
    static func start(_ home: ReaderHome, _ environment: [String: String]) throws -> TmuxSession {
        let session = try TmuxSession([ReaderInTmuxTests.binary], environment: home.environment.merging(environment) { $1 },
                                      width: 90, height: 20)
        try session.waitFor(text: "Québec numérique")
        return session
    }

    @Test("LANG=fr_CA.UTF-8: the feed list, an article list with French dates, help and a confirmation in French")
    func frenchCanada() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home, ["LANG": "fr_CA.UTF-8"])
        let feeds = try reader.waitFor(text: "Web à Québec")
        #expect(feeds[0].hasPrefix("qnread — Flux") && feeds[0].hasSuffix("4 non lus"), "\(feeds[0])")
        #expect(feeds[1].hasPrefix("  Tous les articles") && feeds[1].hasSuffix("4/5"))
        #expect(feeds[2] == "  Favoris")
        // The store's feeds were never fetched: the status bar says which key fetches them, with the French plural.
        #expect(feeds.last { !$0.isEmpty }?.hasPrefix("2 flux jamais récupérés\u{A0}: appuyez sur R pour les récupérer") == true,
                "\(feeds.joined(separator: "\n"))")
        try reader.send("j", "j", "Enter")
        let list = try reader.waitFor(text: "Rencontre des développeurs de Lévis")
        #expect(list[0].hasSuffix("2 non lus, 3 au total"), "\(list[0])")
        #expect(list.contains { $0.hasPrefix("N  \(ReaderHome.shownDate("2026-11-30", french: true)) L’hiver arrive à Québec") },
                "\(list.joined(separator: "\n"))")
        try reader.send("?")
        let help = try reader.waitFor(text: "Touches — Liste des articles")
        #expect(help[0].hasPrefix("qnread — Aide\u{A0}: Liste des articles"))
        #expect(help.contains { $0.contains("Descendre d’une ligne") })
        try reader.send("q", "A")
        try reader.waitFor(text: "Marquer comme lus tous les articles de Québec numérique\u{A0}? (o/n)")
        try reader.send("o")
        try reader.waitFor(text: "Le flux est marqué comme lu")
        try reader.send("q")
        try reader.waitFor("the counts") { $0.first?.hasSuffix("2 non lus") == true }
        try reader.send("Q")
        #expect(try reader.waitForExit() == 0)
    }

    @Test("LANG=C.UTF-8: the same screens in English")
    func english() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home, ["LANG": "C.UTF-8"])
        let feeds = try reader.waitFor(text: "Web à Québec")
        #expect(feeds[0].hasPrefix("qnread — Feeds") && feeds[0].hasSuffix("4 unread"))
        #expect(feeds[1].hasPrefix("  All articles"))
        try reader.send("j", "j", "Enter")
        let list = try reader.waitFor(text: "Rencontre des développeurs de Lévis")
        #expect(list[0].hasSuffix("2 unread, 3 total"))
        #expect(list.contains { $0.hasPrefix("N  \(ReaderHome.shownDate("2026-11-30")) L’hiver arrive à Québec") })
        try reader.send("A")
        try reader.waitFor(text: "Mark every article of Québec numérique read? (y/n)")
    }

    @Test("language = \"en\" in config.toml wins over LANG=fr_CA.UTF-8; LC_ALL wins over LANG")
    func settingAndOrder() throws {
        let home = try ReaderHome()
        try home.fillStore()
        try home.writeConfig("language = \"en\"\n")
        let configured = try Self.start(home, ["LANG": "fr_CA.UTF-8"])
        #expect(try configured.waitFor(text: "Web à Québec")[0].hasPrefix("qnread — Feeds"))
        let other = try ReaderHome()
        try other.fillStore()
        let allWins = try Self.start(other, ["LANG": "en_US.UTF-8", "LC_ALL": "fr_CA.UTF-8"])
        #expect(try allWins.waitFor(text: "Web à Québec")[0].hasPrefix("qnread — Flux"))
    }

    // fr_BE.UTF-8 is not generated: the C library falls back, and the reader still speaks French with its accents.
    @Test("A French locale the system lacks still gives the French interface, accents intact")
    func frenchWithoutLocaleData() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let reader = try Self.start(home, ["LANG": "fr_BE.UTF-8"])
        let feeds = try reader.waitFor(text: "Web à Québec")
        #expect(feeds[0].hasPrefix("qnread — Flux"))
        #expect(feeds[1].hasPrefix("  Tous les articles"))
    }
}
