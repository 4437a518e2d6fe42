import FeedModel
import FeedParsing
@testable import FeedStorage
import FilterLanguage
import Foundation
import Testing

@Suite("Filters run on a real store")
struct FilterStoreTests {
    let scratch: ScratchStore
    let balado: FeedID

    /// Québec numérique (tags québec, tech; three articles, 1 to 3 days old), MTL Python (tag montréal; 1 and 4
    /// days old) and a podcast whose newest episode has an audio enclosure.
    init() throws {
        scratch = try ScratchStore()
        _ = try scratch.subscribeToTwoFeeds()
        balado = try scratch.store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], customTitle: "MTL Python"),
            Subscription(url: "https://balado.example/flux.rss", tags: ["balado"]),
        ])[2]
        var episode = Samples.item("ep-2", "Épisode 2 : la Loi 25", day: -5, link: "https://balado.example/2")
        episode.enclosures = [ParsedEnclosure(url: "https://balado.example/ep2.mp3", type: "audio/mpeg", length: 1_000)]
        try scratch.store.apply(ParsedFeed(format: .rss20, title: "Balado techno", items: [
            episode, Samples.item("ep-1", "Épisode 1 : sans fichier", day: -6, link: "https://balado.example/1"),
        ]), to: balado, now: Clock.start)
    }

    private func titles(_ filter: String, limit: Int = 50) throws -> Set<String> {
        Set(try scratch.store.articles(ArticleScope(filter: FilterExpression(parsing: filter)), limit: limit).map(\.title))
    }

    static let rencontre = "Rencontre « Web à Québec » : le programme", ecole = "L’École 42 ouvre un campus",
               pme = "Transformation numérique des PME", soiree = "Soirée éclair : Python et données ouvertes",
               atelier = "Atelier débutant : premiers pas", episode2 = "Épisode 2 : la Loi 25", episode1 = "Épisode 1 : sans fichier"

    @Test("Each attribute and operator selects what newsboat's would, case and accents ignored", arguments: [
        (#"title =~ "québec""#, [rencontre]),
        (#"title =~ "QUEBEC""#, [rencontre]),
        (#"title =~ "« web à quebec »""#, [rencontre]),
        (#"title = "l’ecole 42 OUVRE un campus""#, [ecole]),
        (#"title # "python""#, [soiree]),
        (#"author = "marie-eve tremblay" and feedurl =~ "quebecnumerique""#, [rencontre, ecole, pme]),
        (#"author =~ "^Jean-François""#, [soiree, atelier]),
        (#"content =~ "morrin centre""#, [rencontre]),
        (#"content =~ "qu[eé]bec, au""#, [rencontre]),
        (#"feedtitle = "mtl python""#, [soiree, atelier]),
        (#"rssurl = "https://montrealpython.example/feed""#, [soiree, atelier]),
        (#"feedlink =~ "^https://quebecnumerique""#, [rencontre, ecole, pme]),
        (#"tags # "Québec""#, [rencontre, ecole, pme]),
        (#"tags # "quebec" and tags # "TECH""#, [rencontre, ecole, pme]),
        (#"tags !# "québec" and tags !# "balado""#, [soiree, atelier]),
        (#"guid = "qn-2""#, [ecole]),
        (#"link =~ "/qn-1$""#, [pme]),
        ("age < 2", [rencontre, soiree]),
        ("age between 3:2", [ecole, pme]),
        ("age >= 4 and age <= 5", [atelier, episode2]),
        (#"date = "2025-11-30""#, [rencontre, soiree]),
        (#"date < "2025-11-27""#, [episode2, episode1]),
        (#"date =~ "^Sun, 30 Nov 2025""#, [rencontre, soiree]),
        (#"flags # "a""#, []),
        ("unread_count > 2 and total_count = 3", [rencontre, ecole, pme]),
        (#"enclosure_type =~ "audio""#, [episode2]),
        (#"enclosure_url != "" "#, [episode2]),
        (#"enclosure_url = "" and tags # "balado""#, [episode1]),
        (#"starred = "yes""#, []),
        // newsboat's precedence: age < 2 and (feedtitle = … or tags # …); read left-to-right it would add ecole, pme.
        (#"age < 2 and feedtitle = "MTL Python" or tags # "québec""#, [rencontre, soiree]),
        (#"(age < 2 and feedtitle = "MTL Python") or tags # "québec""#, [rencontre, ecole, pme, soiree]),
    ])
    func attributes(filter: String, expected: [String]) throws {
        #expect(try titles(filter) == Set(expected))
    }

    static let everything = [rencontre, ecole, pme, soiree, atelier, episode2, episode1]

    // newsboat's documentation's examples, run on our French data: as written, then with our names in them.
    @Test("newsboat's documented examples select what they say, on French data", arguments: [
        ("unread_count > 0", everything),
        (#"rssurl =~ "^https:""#, everything),
        ("age between 0:10", everything),
        ("age between 0:2", [rencontre, ecole, soiree]),
        ("( unread_count > 0 and unread_count < 10 ) or total_count > 100", everything),
        ("( unread_count > 2 and unread_count < 10 ) or total_count > 100", [rencontre, ecole, pme]),
        (#"( author =~ "Frank" or author =~ "John" ) and ( title =~ "Linux" or title =~ "FreeBSD" )"#, []),
        (#"( author =~ "marie" or author =~ "jean" ) and ( title =~ "python" or title =~ "campus" )"#, [ecole, soiree]),
        (#"unread = "yes""#, everything),
        (#"tags # "tag1""#, []),
        (#"tags # "balado""#, [episode2, episode1]),
        (#"title =~ "newsboat""#, []),
        (#"title =~ "quebec""#, [rencontre]),
        (#"title =~ "^RT by""#, []),
        (#"author =~ "Andreas Krennmair""#, []),
        (#"author =~ "Marie-Eve Tremblay""#, [rencontre, ecole, pme, episode2, episode1]),
    ])
    func documentedExamples(filter: String, expected: [String]) throws {
        #expect(try titles(filter) == Set(expected))
    }

    @Test("unread and starred follow what the reader did")
    func statuses() throws {
        let ecole = try #require(try scratch.store.articles(ArticleScope(filter: FilterExpression(parsing: #"guid = "qn-2""#))).first)
        try scratch.store.mark(.articles([ecole.id]), .read)
        try scratch.store.mark(.articles([ecole.id]), .starred)
        #expect(try titles(#"unread = "no""#) == [Self.ecole])
        #expect(try titles(#"unread != "yes""#) == [Self.ecole])
        #expect(try titles(#"starred = "yes" and unread =~ "^n""#) == [Self.ecole])
        #expect(try titles(#"unread = "yes" and tags # "québec""#) == [Self.rencontre, Self.pme])
    }

    @Test("A filtered list pages newest first like any list")
    func paging() throws {
        let filter = try FilterExpression(parsing: #"tags !# "balado""#)
        let first = try scratch.store.articles(ArticleScope(filter: filter), limit: 2)
        let rest = try scratch.store.articles(ArticleScope(filter: filter), after: ArticleCursor(after: first[1]), limit: 10)
        // Same day: the later arrival (the higher id) first, as every list orders ties.
        #expect((first + rest).map(\.title) == [Self.soiree, Self.rencontre, Self.ecole, Self.pme, Self.atelier])
    }

    @Test("Quotes, backslashes and SQL-looking text are values, bound, never SQL")
    func hostileValues() throws {
        #expect(try titles(#"title = "x'); DROP TABLE article; --" or author = "\" OR 1=1 --""#).isEmpty)
        #expect(try titles(#"title =~ "'\)\\""#).isEmpty)
        #expect(try scratch.store.statistics().articles == 7)
        #expect(try scratch.store.integrityProblems().isEmpty)
    }
}
