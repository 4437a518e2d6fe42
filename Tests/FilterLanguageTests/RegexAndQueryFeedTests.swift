import Localization
import Testing
@testable import FilterLanguage

@Suite("Regular expressions, query feeds and the killfile as values")
struct RegexAndQueryFeedTests {
    @Test("A pattern without metacharacters is a plain substring")
    func literals() {
        #expect(FilterRegex.literal(of: "Québec numérique") == "Québec numérique")
        #expect(FilterRegex.literal(of: "^RT by") == nil)
        #expect(FilterRegex.literal(of: "a.b") == nil)
    }

    @Test("Escapes are kept apart from the text around them, with the names they carry")
    func segments() {
        let parts = FilterRegex.segments(#"Qu\S+bec\p{Lu}é\k<Nom>x\"#)
        #expect(parts.map(\.text) == ["Qu", #"\S"#, "+bec", #"\p{Lu}"#, "é", #"\k<Nom>"#, #"x\"#])
        #expect(parts.map(\.isEscape) == [false, true, false, true, false, true, false])
    }

    @Test("query:NAME:FILTER and search:NAME:WORDS, the name up to the second colon")
    func queryFeeds() throws {
        let query = try #require(try QueryFeed(url: #"query:Non lus Québec:unread = "yes" and age between 0:10"#))
        #expect(query.name == "Non lus Québec")
        guard case .filter(let filter) = query.kind else { Issue.record("not a filter"); return }
        #expect(filter.text == #"unread = "yes" and age between 0:10"#)
        let search = try #require(try QueryFeed(url: "search:Accessibilité:accessibilité web -emploi"))
        #expect(search == QueryFeed(name: "Accessibilité", kind: .search("accessibilité web -emploi")))
        #expect(try QueryFeed(url: "https://quebecnumerique.example/feed") == nil)
        #expect(QueryFeed.isQuery("query:x:y") && QueryFeed.isQuery("search:x:y") && !QueryFeed.isQuery("https://q/"))
    }

    @Test("A query feed that cannot be used says why in one line", arguments: [
        ("query:Sans filtre", "a query feed is written query:NAME:FILTER"),
        (#"query::unread = "yes""#, "query feed without a name"),
        (#"query:Faute:titel = "x""#, #"query feed “Faute”: filter: column 1: unknown attribute "titel""#),
        ("search:Vide:   ", "search feed “Vide” has no words"),
    ])
    func badQueryFeeds(url: String, message: String) {
        #expect { try QueryFeed(url: url) } throws: { ($0 as? QueryFeedError)?.description == message }
    }

    // The parser words nothing itself: each program says the error in its language, column included.
    @Test("A filter error and a query feed's are said in French by a French catalogue")
    func frenchErrors() {
        let french = Catalogue(.fr)
        #expect { try FilterExpression(parsing: #"title =~ "(" "#) } throws: {
            ($0 as? FilterError)?.text(in: french) == "filtre\u{A0}: colonne 10\u{A0}: expression régulière invalide\u{A0}: «\u{A0}(\u{A0}»"
        }
        #expect { try QueryFeed(url: "search:Vide:  ") } throws: {
            french.text(of: $0) == "le flux de recherche «\u{A0}Vide\u{A0}» n’a aucun mot"
        }
    }
}
