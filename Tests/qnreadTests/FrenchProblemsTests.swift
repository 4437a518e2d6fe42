import FeedStorage
import Foundation
import LocalHTTPServer
import Testing

// What went wrong, said in French under LANG=fr_CA.UTF-8: fetch failures (worded when the fetch fails and stored as
// worded, as newsboat does), feeds-list problems and filter errors. \u{A0} is French punctuation's no-break space.

@Suite("Problems said in French")
struct FrenchProblemsTests {
    @Test("reload says a 404 and a refused connection in French, and stores them so; feeds check --json stays English")
    func fetchFailures() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let site = FeedSite()
        let server = try LocalHTTPServer { site.reply($0) }
        site.set("/a.xml", HTTPReply(text: frenchFeed(title: "Flux A", items: 0..<2)))
        let refused = "http://127.0.0.1:1/flux.xml"
        try home.write("\(server.url("/a.xml"))\n\(server.url("/absent.xml"))\n\(refused)\n", to: home.userFeeds)
        let db = home.root.appendingPathComponent("qnread.sqlite").path

        let reload = try home.run(["reload", "--db", db], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(reload.status == 1)
        #expect(reload.stdout.contains("  \(server.url("/absent.xml"))  HTTP 404 Introuvable\n"), "\(reload.stdout)")
        #expect(reload.stdout.contains("  \(refused)  connexion refusée\n"), "\(reload.stdout)")
        let store = try FeedStore(path: db)
        #expect(try store.feed(url: refused)?.fetch.lastError == "connexion refusée")

        let english = try home.run(["reload", "--db", db])
        #expect(english.stdout.contains("  \(server.url("/absent.xml"))  HTTP 404 Not Found\n"), "\(english.stdout)")
        #expect(try store.feed(url: refused)?.fetch.lastError == "connection refused")

        let check = try home.run(["feeds", "check", "--json"], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(check.stdout.contains("\"error\" : \"HTTP 404 Not Found\""), "\(check.stdout)")
        #expect(check.stdout.contains("\"error\" : \"connection refused\""), "\(check.stdout)")
        let table = try home.run(["feeds", "check"], extra: ["LANG": "fr_CA.UTF-8"])
        #expect(table.stdout.contains("connexion refusée"), "\(table.stdout)")
    }
}
