import FeedModel
import FeedParsing
import FeedStorage
import Foundation
import Testing

@Suite("Ingest and merge")
struct IngestTests {
    let scratch: ScratchStore
    init() throws { scratch = try ScratchStore() }
    var store: FeedStore { scratch.store }

    @Test("A first fetch inserts every article unread, and a second identical one changes nothing")
    func firstAndRepeatedFetch() throws {
        let feed = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        #expect(try store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.start) == IngestResult(new: 3))
        #expect(try store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.day(1)) == IngestResult(unchanged: 3))
        let summary = try #require(try store.feedSummaries().first)
        #expect(summary.title == "Québec numérique")
        #expect(summary.unreadCount == 3 && summary.totalCount == 3)
        #expect(try store.integrityProblems() == [])
    }

    @Test("A changed article is rewritten but keeps its read and starred marks")
    func statusSurvivesRefetch() throws {
        let feed = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        try store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.start)
        let page = try store.articles(.feed(feed.id))
        let programme = try #require(page.first { $0.title.hasPrefix("Rencontre") })
        try store.mark(.articles([programme.id]), .read)
        try store.mark(.articles([programme.id]), .starred)

        var changed = Samples.quebecNumerique
        changed.items[0].title = "Rencontre « Web à Québec » : programme final"
        changed.items[0].content = "<p>Nouvelle salle : Espace Saint-Roch.</p>"
        #expect(try store.apply(changed, to: feed.id, now: Clock.day(1)) == IngestResult(updated: 1, unchanged: 2))

        let article = try #require(try store.article(programme.id))
        #expect(article.title == "Rencontre « Web à Québec » : programme final")
        #expect(article.status.isRead && article.status.isStarred)
        #expect(article.status.arrived == Clock.start)
        #expect(try store.search("saint-roch").map(\.article.id) == [programme.id])
        #expect(try store.search("morrin").isEmpty)
        #expect(try store.feedSummaries().first?.unreadCount == 2)
    }

    @Test("Articles a later fetch no longer lists are kept; an empty fetch deletes nothing")
    func missingArticlesKept() throws {
        let feed = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        try store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.start)
        var shorter = Samples.quebecNumerique
        shorter.items = [Samples.item("qn-4", "Nouvel article", day: 0)]
        #expect(try store.apply(shorter, to: feed.id, now: Clock.day(1)) == IngestResult(new: 1))
        var empty = Samples.quebecNumerique
        empty.items = []
        empty.title = nil
        #expect(try store.apply(empty, to: feed.id, now: Clock.day(2)) == IngestResult())
        #expect(try store.articles(.feed(feed.id)).count == 4)
        #expect(try store.feedSummaries().first?.title == "Québec numérique")
    }

    @Test("Two items with the same id in one fetch are stored once, the first one winning")
    func duplicateIDsInOneFetch() throws {
        let feed = try store.findOrCreateFeed(url: "https://x.example/feed")
        let parsed = ParsedFeed(format: .rss20, title: "Doublons", items: [
            Samples.item("même", "Première version"), Samples.item("même", "Seconde version"),
        ])
        #expect(try store.apply(parsed, to: feed.id, now: Clock.start) == IngestResult(new: 1))
        #expect(try store.articles(.feed(feed.id)).map(\.title) == ["Première version"])
    }

    // This feed has no guids and no dates: newest-first document order must survive as display order.
    @Test("Undated articles are listed in the feed's own order")
    func undatedOrder() throws {
        let feed = try store.findOrCreateFeed(url: "https://x.example/sans-dates")
        let parsed = ParsedFeed(format: .rss20, title: "Sans dates", items: [
            ParsedItem(title: "Troisième", link: "https://x.example/3"),
            ParsedItem(title: "Deuxième", link: "https://x.example/2"),
            ParsedItem(title: "Premier", link: "https://x.example/1"),
        ])
        try store.apply(parsed, to: feed.id, now: Clock.start)
        #expect(try store.articles(.feed(feed.id)).map(\.title) == ["Troisième", "Deuxième", "Premier"])
    }

    @Test("Feed text is stored without control characters")
    func hostileTitles() throws {
        let feed = try store.findOrCreateFeed(url: "https://x.example/hostile")
        let parsed = ParsedFeed(format: .rss20, title: "Flux\u{1B}]0;piégé\u{7}", items: [
            ParsedItem(id: "1", title: "Titre\u{202E}inversé\u{1B}[2J", published: Clock.start),
        ])
        try store.apply(parsed, to: feed.id, now: Clock.start)
        let summary = try #require(try store.articles(.all).first)
        #expect(summary.title == "Titreinversé[2J")
        #expect(summary.feedTitle == "Flux]0;piégé")
    }
}

@Suite("Fetch outcomes")
struct FetchOutcomeTests {
    let scratch: ScratchStore
    init() throws { scratch = try ScratchStore() }
    var store: FeedStore { scratch.store }

    @Test("Success stores validators; a failure keeps them and every article")
    func successThenFailure() throws {
        let feed = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        try store.apply(Samples.quebecNumerique, to: feed.id, now: Clock.start)
        let validators = FeedValidators(etag: "\"v1\"", lastModified: "Mon, 01 Dec 2025 12:00:00 GMT", bodyHash: "abc")
        try store.recordFetch(.success(httpStatus: 200, validators: validators), for: feed.id, at: Clock.start)
        try store.recordFetch(.failure(httpStatus: 503, message: "https://quebecnumerique.example/feed: 503 Service Unavailable"),
                              for: feed.id, at: Clock.day(1))
        #expect(try store.validators(for: feed.id) == validators)
        let stored = try #require(try store.feed(feed.id))
        #expect(stored.fetch == FetchState(lastAttempt: Clock.day(1), lastSuccess: Clock.start, httpStatus: 503,
                                           lastError: "https://quebecnumerique.example/feed: 503 Service Unavailable"))
        #expect(try store.articles(.feed(feed.id)).count == 3)
    }

    @Test("410 marks the feed gone; a later success clears it")
    func gone() throws {
        let feed = try store.findOrCreateFeed(url: "https://disparu.example/feed")
        try store.recordFetch(.failure(httpStatus: 410, message: "410 Gone"), for: feed.id, at: Clock.start)
        #expect(try store.feed(feed.id)?.fetch.isGone == true)
        try store.recordFetch(.success(httpStatus: 200, validators: FeedValidators()), for: feed.id, at: Clock.day(1))
        #expect(try store.feed(feed.id)?.fetch.isGone == false)
        #expect(try store.feed(feed.id)?.fetch.lastError == nil)
    }

    @Test("A permanent redirect moves the feed to its new URL, unless another feed has it")
    func permanentRedirect() throws {
        let feed = try store.findOrCreateFeed(url: "http://ancien.example/feed")
        try store.recordFetch(.success(httpStatus: 200, validators: FeedValidators(),
                                       permanentRedirect: "https://nouveau.example/feed"), for: feed.id, at: Clock.start)
        #expect(try store.feed(url: "https://nouveau.example/feed")?.id == feed.id)
        #expect(try store.feed(url: "http://ancien.example/feed") == nil)
        let other = try store.findOrCreateFeed(url: "https://autre.example/feed")
        #expect(throws: FeedStoreError.self) {
            try store.recordFetch(.success(httpStatus: 200, validators: FeedValidators(),
                                           permanentRedirect: "https://nouveau.example/feed"), for: other.id, at: Clock.start)
        }
    }

    @Test("Fetches recorded together: each lands as if alone, and one that cannot be stored fails alone")
    func recordedTogether() throws {
        let first = try store.findOrCreateFeed(url: "https://un.example/feed")
        let second = try store.findOrCreateFeed(url: "https://deux.example/feed")
        let taken = try store.findOrCreateFeed(url: "https://pris.example/feed")
        let validators = FeedValidators(etag: "\"e1\"", lastModified: nil, bodyHash: "h1")
        let errors = try store.recordFetches([
            FetchRecord(.success(httpStatus: 304, validators: validators), for: first.id, at: Clock.start),
            // Redirects to a URL another feed has: refused, and rolled back alone.
            FetchRecord(.success(httpStatus: 200, validators: FeedValidators(), permanentRedirect: taken.url), for: second.id, at: Clock.start),
            FetchRecord(.failure(httpStatus: 500, message: "500 Erreur du serveur"), for: taken.id, at: Clock.day(1)),
        ])
        #expect(errors.map { $0 == nil } == [true, false, true])
        #expect(try store.validators(for: first.id) == validators)
        #expect(try store.feed(first.id)?.fetch.lastSuccess == Clock.start)
        #expect(try store.feed(second.id)?.url == "https://deux.example/feed")
        #expect(try store.feed(second.id)?.fetch.lastAttempt == nil)
        #expect(try store.feed(taken.id)?.fetch.lastError == "500 Erreur du serveur")
        let found = try store.feedsAndValidators(urls: ["https://un.example/feed", "https://absent.example/feed", taken.url])
        #expect(Set(found.keys) == ["https://un.example/feed", taken.url])
        #expect(found["https://un.example/feed"]?.validators == validators)
        #expect(found[taken.url]?.feed.id == taken.id)
    }

    @Test("Feeds stored together: one that cannot be merged is rolled back alone, one that cannot be recorded keeps its articles")
    func storedTogether() throws {
        let first = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        let second = try store.findOrCreateFeed(url: "https://montrealpython.example/feed")
        let taken = try store.findOrCreateFeed(url: "https://pris.example/feed")
        let validators = FeedValidators(etag: "\"e1\"", lastModified: nil, bodyHash: "h1")
        var gone = Samples.quebecNumerique
        gone.items = [Samples.item("absent-1", "Un fil qui n’existe pas", day: -1, body: "<p>Introuvable.</p>")]
        let results = try store.apply([
            FeedIngest(FeedStore.prepare(Samples.quebecNumerique),
                       fetch: FetchRecord(.success(httpStatus: 200, validators: validators), for: first.id, at: Clock.start)),
            // Its articles are stored; its redirect to a URL another feed has is refused, as `recordFetch` refuses it.
            FeedIngest(FeedStore.prepare(Samples.montrealPython),
                       fetch: FetchRecord(.success(httpStatus: 200, validators: FeedValidators(), permanentRedirect: taken.url),
                                          for: second.id, at: Clock.start)),
            // No such feed: nothing of it is written.
            FeedIngest(FeedStore.prepare(gone),
                       fetch: FetchRecord(.success(httpStatus: 200, validators: validators), for: FeedID(999), at: Clock.start)),
        ])
        #expect(try results[0].get() == IngestResult(new: 3))
        #expect(throws: (any Error).self) { try results[1].get() }
        #expect(throws: (any Error).self) { try results[2].get() }
        #expect(try store.validators(for: first.id) == validators)
        #expect(try store.feed(second.id)?.fetch.lastAttempt == nil)
        #expect(try store.articles(.feed(second.id)).count == 2)
        #expect(try store.search("Morrin").map(\.article.feedID) == [first.id])
        #expect(try store.search("décortiquées").map(\.article.feedID) == [second.id])
        #expect(try store.search("introuvable").isEmpty)
        #expect(try store.integrityProblems() == [])
    }

    @Test("A feed moved in a batch is re-indexed under its new URL; a feed twice in a batch is indexed once")
    func movedAndRepeatedInABatch() throws {
        let moved = try store.findOrCreateFeed(url: "https://ancien.example/feed")
        let twice = try store.findOrCreateFeed(url: "https://deux-fois.example/feed")
        var untitled = Samples.montrealPython
        untitled.title = nil
        var changed = Samples.quebecNumerique
        changed.items[0].content = "<p>Nouvelle salle : Espace Saint-Roch.</p>"
        let results = try store.apply([
            FeedIngest(FeedStore.prepare(untitled), fetch: FetchRecord(
                .success(httpStatus: 301, validators: FeedValidators(), permanentRedirect: "https://nouveau.example/feed"),
                for: moved.id, at: Clock.start)),
            FeedIngest(FeedStore.prepare(Samples.quebecNumerique),
                       fetch: FetchRecord(.success(httpStatus: 200, validators: FeedValidators()), for: twice.id, at: Clock.start)),
            FeedIngest(FeedStore.prepare(changed),
                       fetch: FetchRecord(.success(httpStatus: 200, validators: FeedValidators()), for: twice.id, at: Clock.day(1))),
        ])
        #expect(results.map { try? $0.get() } == [IngestResult(new: 2), IngestResult(new: 3), IngestResult(updated: 1, unchanged: 2)])
        #expect(try store.feed(moved.id)?.url == "https://nouveau.example/feed")
        #expect(try store.search("nouveau").count == 2, "the feed's title in the index is its new URL")
        #expect(try store.search("Morrin").isEmpty)
        #expect(try store.search("Saint-Roch").count == 1)
        #expect(try store.integrityProblems() == [])
    }

    @Test("find-or-create returns the same feed for the same URL")
    func findOrCreate() throws {
        let first = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        let second = try store.findOrCreateFeed(url: "https://quebecnumerique.example/feed")
        #expect(first.id == second.id)
        #expect(try store.feedSummaries().count == 1)
    }
}
