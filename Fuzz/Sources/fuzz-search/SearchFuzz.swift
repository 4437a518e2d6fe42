import FeedParsing
import FeedStorage
import Foundation

// A search as the reader types it → SearchQuery → FTS5, against a small store opened once per process (in
// $TMPDIR, removed at exit). Refusing a query is fine; the index refusing a query the parser accepted is not:
// every term goes to FTS5 quoted, so nothing typed may read as FTS5 syntax.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try store.search(text, limit: 5)
    } catch let error as SearchQueryError where error.message.hasPrefix("cannot search for") {
        fatalError("the index refused a parsed query: \(error)")
    } catch is SearchQueryError, is FeedStoreError {
    } catch {
        fatalError("search failed: \(error)")
    }
    return 0
}

private let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("qnread-fuzz-search-\(getpid())", isDirectory: true)

/// Two listed feeds (tags québec, montréal) and one left out of the list, so searches test each match's feed.
private let store: FeedStore = {
    atexit { try? FileManager.default.removeItem(at: directory) }
    do {
        let store = try FeedStore(path: directory.appendingPathComponent("qnread.sqlite").path)
        let ids = try store.syncSubscriptions([
            Subscription(url: "https://quebecnumerique.example/feed", tags: ["québec", "tech"]),
            Subscription(url: "https://montrealpython.example/feed", tags: ["montréal"], customTitle: "MTL Python"),
        ])
        let hidden = try store.findOrCreateFeed(url: "https://cache.example/feed").id
        let day = Date(timeIntervalSince1970: 1_764_590_400)
        for (id, title, words) in [(ids[0], "Québec numérique", "Rencontre « Web à Québec » au Morrin Centre"),
                                   (ids[1], "Montréal-Python", "L’École de technologie supérieure et Python"),
                                   (hidden, "Caché", "Logiciel libre à Trois-Rivières, c\u{0301}égep")] {
            let items = (1...3).map { n in
                ParsedItem(id: "\(title)-\(n)", title: "\(words) \(n)", link: "https://exemple.qc.ca/\(n)",
                           authors: [ParsedPerson(name: "Marie-Ève Tremblay")],
                           published: day.addingTimeInterval(Double(n) * 86_400),
                           content: "<p>\(words) : <strong>numérique</strong> &amp; données ouvertes n° \(n).</p>",
                           categories: ["Numérique"])
            }
            _ = try store.apply(ParsedFeed(format: .rss20, title: title, items: items), to: id, now: day)
        }
        return store
    } catch {
        fatalError("cannot open the search store in \(directory.path): \(error)")
    }
}()
