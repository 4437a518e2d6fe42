import FeedModel
import FeedParsing
import FeedStorage
import FilterLanguage
import Foundation
import Testing

// The killfile (config.toml's ignore_mode and [[ignore]]) on a real store: `download` keeps matching articles out,
// `display` stores them hidden from every list, count and search.
@Suite("The killfile on a real store")
struct KillfileStoreTests {
    let scratch: ScratchStore
    let quebec: FeedID, commandite: FeedID

    static let commanditeURL = "https://pub.example/flux.rss?format=rss&lang=fr"

    init() throws {
        scratch = try ScratchStore()
        let ids = try scratch.store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec"]),
            Subscription(url: Self.commanditeURL, tags: ["québec"]),
            Subscription(url: #"query:Tout Québec:tags # "québec""#),
        ])
        (quebec, commandite) = (ids[0], ids[1])
    }

    static func rule(_ feed: String, _ filter: String) throws -> Killfile.Rule {
        Killfile.Rule(feed: feed, filter: try FilterExpression(parsing: filter))
    }

    /// Two sponsored articles among three: one by title, one by author.
    static let sponsored = ParsedFeed(format: .rss20, title: "Pub et nouvelles", items: [
        Samples.item("p-3", "COMMANDITÉ : la fibre à Québec", day: -1, link: "https://pub.example/3"),
        Samples.item("p-2", "Nouvelles du quartier", day: -2, link: "https://pub.example/2", author: "Robot"),
        Samples.item("p-1", "Le marché Jean-Talon rouvre", day: -3, link: "https://pub.example/1"),
    ])

    static let newsboatRules: [Killfile.Rule] = [try! rule("*", #"title =~ "commandite" or author = "robot""#)]

    private var store: FeedStore { scratch.store }

    private func titles(_ scope: ArticleScope) throws -> [String] { try store.articles(scope).map(\.title) }

    private func counts(_ id: FeedID) throws -> (Int, Int) {
        let row = try #require(try store.feedSummaries().first { $0.id == id })
        return (row.unreadCount, row.totalCount)
    }

    @Test("download: a matching article is never stored, on this reload or the next")
    func download() throws {
        try store.useKillfile(Killfile(mode: .download, rules: Self.newsboatRules))
        #expect(try store.apply(Self.sponsored, to: commandite, now: Clock.start) == IngestResult(new: 1, ignored: 2))
        #expect(try store.apply(Self.sponsored, to: commandite, now: Clock.day(1)) == IngestResult(unchanged: 1, ignored: 2))
        #expect(try titles(.feed(commandite)) == ["Le marché Jean-Talon rouvre"])
        #expect(try store.statistics().hidden == 0)
        #expect(try store.statistics().articles == 1)
        #expect(try store.integrityProblems().isEmpty)
        // Rules that let more through: the next reload must read the feed whole, not trust its validators.
        let validators = FeedValidators(etag: "\"v1\"", lastModified: nil, bodyHash: "abc")
        try store.recordFetch(.success(httpStatus: 200, validators: validators), for: commandite, at: Clock.start)
        try store.useKillfile(Killfile(mode: .display, rules: Self.newsboatRules))
        #expect(try store.validators(for: commandite) == FeedValidators())
        #expect(try store.apply(Self.sponsored, to: commandite, now: Clock.day(2)) == IngestResult(new: 2, unchanged: 1))
        #expect(try store.statistics().hidden == 2)
    }

    @Test("display: matching articles are stored, and no list, count or search shows them")
    func display() throws {
        try store.useKillfile(Killfile(mode: .display, rules: Self.newsboatRules))
        #expect(try store.apply(Self.sponsored, to: commandite, now: Clock.start) == IngestResult(new: 3))
        try store.apply(Samples.quebecNumerique, to: quebec, now: Clock.start)
        #expect(try titles(.feed(commandite)) == ["Le marché Jean-Talon rouvre"])
        #expect(try titles(.unread).count == 4)
        #expect(try titles(ArticleScope(tag: "québec")).count == 4)
        #expect(try counts(commandite) == (1, 1))
        let query = try #require(try store.feedSummaries().first(where: \.isQuery))
        #expect((query.unreadCount, query.totalCount) == (4, 4))
        #expect(try titles(.feed(query.id)).count == 4)
        #expect(try store.search("commandite").isEmpty)
        #expect(try store.search("quartier").isEmpty)
        #expect(try store.search("tag:québec is:unread").count == 4)
        // n walks past them too.
        var walked: [String] = []
        var current: ArticleID?
        while let next = try store.unreadArticle(.next, from: current) {
            walked.append(next.title)
            current = next.id
        }
        #expect(walked.count == 4 && !walked.contains { $0.contains("COMMANDITÉ") })
        #expect(try store.statistics().hidden == 2)
        #expect(try store.statistics().articles == 4)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("Changing the killfile hides what it now matches and shows again what it no longer does")
    func changing() throws {
        try store.apply(Self.sponsored, to: commandite, now: Clock.start)
        try store.apply(Samples.quebecNumerique, to: quebec, now: Clock.start)
        #expect(try counts(commandite) == (3, 3))
        // Articles stored before a rule are hidden by it, in either mode.
        #expect(try store.useKillfile(Killfile(mode: .download, rules: Self.newsboatRules)) == 2)
        #expect(try counts(commandite) == (1, 1))
        #expect(try store.useKillfile(Killfile(mode: .download, rules: Self.newsboatRules)) == 0, "unchanged: nothing to do")
        // A rule for one feed, by URL (with its ? and =), then by a glob.
        #expect(try store.useKillfile(Killfile(rules: [try Self.rule(Self.commanditeURL, #"title =~ "quebec""#)])) == 1, "Robot comes back")
        #expect(try titles(.feed(commandite)) == ["Nouvelles du quartier", "Le marché Jean-Talon rouvre"])
        #expect(try titles(.feed(quebec)).count == 3, "« Web à Québec » is in the other feed")
        try store.useKillfile(Killfile(rules: [try Self.rule("https://*.example/feed", #"title =~ "quebec""#)]))
        #expect(try titles(.feed(quebec)) == ["L’École 42 ouvre un campus", "Transformation numérique des PME"])
        #expect(try titles(.feed(commandite)).count == 3)
        // newsboat's regex: form, case ignored.
        try store.useKillfile(Killfile(rules: [try Self.rule("regex:^HTTPS://PUB\\.", #"author = "robot""#)]))
        #expect(try titles(.feed(commandite)).count == 2 && titles(.feed(quebec)).count == 3)
        #expect(try store.useKillfile(Killfile()) == 1)
        #expect(try counts(quebec) == (3, 3) && counts(commandite) == (3, 3))
        #expect(try store.killfile() == Killfile())
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("A stored article rewritten to match is hidden; read marks are kept; the store remembers its killfile")
    func rewritten() throws {
        let rules = [try Self.rule("*", #"title =~ "^commandite""#)]
        try store.useKillfile(Killfile(mode: .download, rules: rules))
        try store.apply(Self.sponsored, to: commandite, now: Clock.start)
        let marche = try #require(try store.articles(.feed(commandite)).last)
        try store.mark(.articles([marche.id]), .read)
        var changed = Self.sponsored
        changed.items[2].title = "Commandité : le marché Jean-Talon rouvre"
        #expect(try store.apply(changed, to: commandite, now: Clock.day(1)) == IngestResult(updated: 1, unchanged: 1, ignored: 1))
        #expect(try titles(.feed(commandite)) == ["Nouvelles du quartier"])
        #expect(try counts(commandite) == (1, 1))
        #expect(try store.article(marche.id)?.status.isRead == true)
        let reopened = try FeedStore(path: store.path)
        #expect(try reopened.killfile() == Killfile(mode: .download, rules: rules))
        #expect(try store.integrityProblems().isEmpty)
    }
}
