import Foundation
import Testing

// Query feeds, a saved search and the killfile as a newsboat user brings them, in the real reader on a real store.
@Suite("Query feeds and the killfile in a terminal", .serialized)
struct QueryFeedInTmuxTests {
    @Test("A query feed and a search feed show their counts, open like feeds, and follow what is read")
    func queryFeeds() throws {
        let home = try ReaderHome()
        try home.fillStore()
        let feeds = home.config.appendingPathComponent("qnread/feeds")
        try (String(contentsOf: feeds, encoding: .utf8) + #"""
            "query:Non lus Québec:unread = \"yes\" and tags # \"QUEBEC\"" "~Non lus Québec"
            "search:Conférences:conference"

            """#).write(to: feeds, atomically: true, encoding: .utf8)
        // display: « Appel de conférenciers » is stored, and neither Web à Québec nor the search feed counts it.
        try home.writeConfig("""
            ignore_mode = "display"
            [[ignore]]
            feed = "https://webaquebec.example/*"
            filter = 'title =~ "^appel"'
            """)
        let reader = try ReaderInTmuxTests.start(home)
        let screen = try reader.waitFor(text: "Conférences")
        func row(_ title: String, _ screen: [String]) -> String? { screen.first { $0.hasPrefix("  " + title) } }
        #expect(row("All articles", screen)?.hasSuffix("3/4") == true, "\(screen)")
        #expect(row("Québec numérique", screen)?.hasSuffix("2/3") == true)
        #expect(row("Web à Québec", screen)?.hasSuffix("1/1") == true)
        #expect(row("Non lus Québec", screen)?.hasSuffix("2/2") == true)
        #expect(row("Conférences", screen)?.hasSuffix("1/1") == true)

        try reader.send("j", "j", "j", "j", "Enter")
        let list = try reader.waitFor(text: "Rencontre des développeurs de Lévis")
        #expect(list[0].hasPrefix("qnread — Non lus Québec") && list[0].hasSuffix("2 unread, 2 total"))
        #expect(list.contains { $0.contains("L’hiver arrive à Québec") })
        #expect(!list.contains { $0.contains("« Les données ouvertes »") }, "read: not selected")
        try reader.send("Enter")
        try reader.waitFor(text: "« Bonjour à tous »")
        try reader.send("q", "q")
        try reader.waitFor("the query's count after reading") { screen in
            row("Non lus Québec", screen)?.hasSuffix("1/1") == true && row("Québec numérique", screen)?.hasSuffix("1/3") == true
        }
        try reader.send("j", "Enter")
        let search = try reader.waitFor(text: "Programme de la conférence")
        #expect(!search.contains { $0.contains("Appel de conférenciers") })
    }
}
