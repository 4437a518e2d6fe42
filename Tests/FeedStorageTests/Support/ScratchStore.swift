import FeedModel
import FeedParsing
import FeedStorage
import Foundation

/// A real SQLite file in its own temporary directory, removed when the test ends.
final class ScratchStore {
    let directory: URL
    let store: FeedStore

    /// The store's clock (read only by filters naming `age`) stands still at `Clock.start`.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qnread-store-\(UUID().uuidString)", isDirectory: true)
        store = try FeedStore(path: directory.appendingPathComponent("qnread.sqlite").path, clock: { Clock.start })
    }

    var path: String { store.path }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

extension ScratchStore {
    /// Québec numérique (tags québec, tech) then Montréal-Python (tag montréal, custom title), both ingested.
    func subscribeToTwoFeeds() throws -> (quebec: FeedID, montreal: FeedID) {
        let ids = try store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], customTitle: "MTL Python"),
        ])
        try store.apply(Samples.quebecNumerique, to: ids[0], now: Clock.start)
        try store.apply(Samples.montrealPython, to: ids[1], now: Clock.start)
        return (ids[0], ids[1])
    }
}

/// A fixed clock: tests pass times in, so they never depend on when they run.
enum Clock {
    static let start = Date(timeIntervalSince1970: 1_764_590_400) // 2025-12-01T12:00:00Z
    static func day(_ offset: Int) -> Date { start.addingTimeInterval(TimeInterval(offset) * 86_400) }
}

/// French sample feeds built as the parser would hand them over.
enum Samples {
    static func item(_ id: String, _ title: String, day: Int = 0, body: String = "<p>Rien à signaler.</p>",
                     link: String? = nil, author: String? = "Marie-Ève Tremblay") -> ParsedItem {
        ParsedItem(id: id, title: title, link: link ?? "https://quebecnumerique.example/\(id)",
                   authors: author.map { [ParsedPerson(name: $0)] } ?? [],
                   published: Clock.day(day), content: body, categories: ["Numérique"])
    }

    /// Three articles of a Québec tech community feed, newest first as feeds list them.
    static var quebecNumerique: ParsedFeed {
        ParsedFeed(format: .rss20, title: "Québec numérique", link: "https://quebecnumerique.example/", items: [
            item("qn-3", "Rencontre « Web à Québec » : le programme", day: -1, body: """
                <p>La rencontre a lieu à Qu&eacute;bec, au Morrin Centre.</p>
                <p>Au menu&nbsp;: accessibilité, logiciel libre et <strong>intelligence artificielle</strong>.</p>
                """),
            item("qn-2", "L’École 42 ouvre un campus", day: -2, body: """
                <p>L’&Eacute;cole accueillera 150 étudiants dès l’automne.</p><script>track("école")</script>
                """),
            item("qn-1", "Transformation numérique des PME", day: -3, body: """
                <p>Le gouvernement annonce un programme pour la numérisation des PME&#x2009;; les &#171; petites &#187; entreprises d’abord.</p>
                """),
        ])
    }

    static var montrealPython: ParsedFeed {
        ParsedFeed(format: .atom10, title: "Montréal-Python", link: "https://montrealpython.example/", items: [
            item("mp-2", "Soirée éclair : Python et données ouvertes", day: -1, body: """
                <p>Les données ouvertes de la Ville de Montréal, décortiquées en Python.</p>
                """, author: "Jean-François Roy"),
            item("mp-1", "Atelier débutant : premiers pas", day: -4, body: """
                <p>Un atelier pour apprendre Python à l’École de technologie supérieure.</p>
                """, author: "Jean-François Roy"),
        ])
    }
}
