import Foundation
import Testing

@Suite("import-file", .enabled(if: ParserReadiness.isReady, "needs the feed parser"))
struct ImportFileCommandTests {
    let fixture: StoreFixture
    init() throws { fixture = try StoreFixture() }

    @Test("RSS and Atom files are stored under their file:// URL, then searchable without accents")
    func importsRSSAndAtom() throws {
        let rss = try StoreFixture.fixture("quebec-numerique-rss2.xml")
        let atom = try StoreFixture.fixture("montreal-python-atom.xml")
        let result = try fixture.run(["import-file", rss, atom])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(rss): 3 new, 0 updated\n\(atom): 2 new, 0 updated\n")
        let listed = try fixture.run(["articles", "--feed", URL(fileURLWithPath: rss).absoluteString]).stdout
        #expect(listed.split(separator: "\n").count == 3)
        #expect(listed.contains("Québec numérique  Rencontre « Web à Québec » : le programme"))
        // Entities inside CDATA and escaped HTML both end up searchable as plain words.
        #expect(try fixture.run(["search", "quebec", "morrin"]).stdout.contains("Rencontre « Web à Québec »"))
        #expect(try fixture.run(["search", "numerisation"]).stdout.contains("Transformation numérique des PME"))
        #expect(try fixture.run(["search", "ecole"]).stdout.split(separator: "\n").count == 4)
    }

    @Test("Importing again adds nothing; a changed file updates in place and keeps read and starred marks")
    func reimportKeepsStatus() throws {
        let rss = try StoreFixture.fixture("quebec-numerique-rss2.xml")
        let url = "https://quebecnumerique.example/feed"
        #expect(try fixture.run(["import-file", rss, "--feed-url", url]).status == 0)
        let newest = try #require(try fixture.openStore().articles(.all).first)
        #expect(try fixture.run(["mark", "read", "\(newest.id)"]).status == 0)
        #expect(try fixture.run(["mark", "star", "\(newest.id)"]).status == 0)

        #expect(try fixture.run(["import-file", rss, "--feed-url", url]).stdout.hasSuffix(": 0 new, 0 updated\n"))
        let updated = try StoreFixture.fixture("quebec-numerique-rss2-updated.xml")
        #expect(try fixture.run(["import-file", updated, "--feed-url", url]).stdout.hasSuffix(": 0 new, 1 updated\n"))
        let article = try #require(try fixture.openStore().article(newest.id))
        #expect(article.title == "Rencontre « Web à Québec » : programme final")
        #expect(article.status.isRead && article.status.isStarred)
        #expect(try fixture.run(["search", "saint-roch"]).stdout.contains("programme final"))
    }

    // This feed has no guids: the same links must give the same articles on every import.
    @Test("A feed without guids keys its articles by link")
    func noGuids() throws {
        let file = try StoreFixture.fixture("sans-guid-rss2.xml")
        #expect(try fixture.run(["import-file", file]).stdout.hasSuffix(": 2 new, 0 updated\n"))
        #expect(try fixture.run(["import-file", file]).stdout.hasSuffix(": 0 new, 0 updated\n"))
    }

    @Test("A file that is not a feed fails in one line, is recorded, and deletes nothing")
    func notAFeed() throws {
        let rss = try StoreFixture.fixture("quebec-numerique-rss2.xml")
        let page = try StoreFixture.fixture("pas-un-flux.html")
        let url = "https://quebecnumerique.example/feed"
        #expect(try fixture.run(["import-file", rss, "--feed-url", url]).status == 0)
        let result = try fixture.run(["import-file", page, "--feed-url", url])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("pas-un-flux.html"))
        let feed = try #require(try fixture.openStore().feed(url: url))
        #expect(feed.fetch.lastError != nil)
        #expect(try fixture.openStore().articles(.feed(feed.id)).count == 3)
    }

    @Test("A missing file is named in one line and the other files are still imported")
    func missingFile() throws {
        let rss = try StoreFixture.fixture("quebec-numerique-rss2.xml")
        let result = try fixture.run(["import-file", "/nonexistent/flux.xml", rss])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: no such file: /nonexistent/flux.xml"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.hasSuffix(": 3 new, 0 updated\n"))
    }
}
