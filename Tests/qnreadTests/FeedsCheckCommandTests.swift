import Foundation
import LocalHTTPServer
import Testing

@Suite("qnread feeds check")
struct FeedsCheckCommandTests {
    @Test("Every feed is fetched and parsed; broken ones are named and make the exit status non-zero")
    func table() throws {
        let home = ReaderHome()
        defer { home.remove() }
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/ok.xml": HTTPReply(text: frenchFeed(title: "Flux sain", items: 0..<3))
            case "/page.html": HTTPReply(headers: [("Content-Type", "text/html")],
                                         text: "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/ok.xml\"></head></html>")
            case "/parti.xml": HTTPReply(status: 410)
            default: HTTPReply(status: 404)
            }
        }
        try home.write(["/ok.xml", "/page.html", "/parti.xml", "/absent.xml"].map { server.url($0).absoluteString }.joined(separator: "\n"),
                       to: home.userFeeds)
        let check = try home.run(["feeds", "check"])
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("STATUS  HTTP  ITEMS  NEWEST"))
        #expect(lines[1].hasPrefix("ok      200   3      2026-11-02"))
        #expect(lines[2].hasPrefix("broken  200"))
        #expect(lines[2].hasSuffix("not a feed: HTML page; it links to \(server.url("/ok.xml"))"))
        #expect(lines[3].hasPrefix("gone    410"))
        #expect(lines[4].contains("HTTP 404 Not Found"))
        #expect(check.stderr.contains("3 of 4 feeds are broken"))

        let json = try home.run(["feeds", "check", "--json"])
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { $0["status"] as? String } == ["ok", "broken", "gone", "broken"])
        #expect(reports[0]["items"] as? Int == 3)
        // Nothing is stored by a check.
        #expect(!FileManager.default.fileExists(atPath: home.root.appendingPathComponent("data/qnread/qnread.sqlite").path))
    }
}
