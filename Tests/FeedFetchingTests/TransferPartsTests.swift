import Foundation
import Localization
import Testing
@testable import FeedFetching

@Suite("Response heads, redirect trails and limit messages")
struct TransferPartsTests {
    private func head(_ lines: [String]) -> ResponseHead {
        var head = ResponseHead()
        for line in lines {
            Array((line + "\r\n").utf8).withUnsafeBytes { head.add(line: $0) }
        }
        return head
    }

    @Test("Header names are found whatever their case, values trimmed, folded lines joined")
    func fields() {
        let head = head(["HTTP/1.1 200 OK", "Etag:  \"v1\" ", "content-length: 12", "X-Long: un", "\tdeux", ""])
        #expect(head.status == 200)
        #expect(head.value("ETag") == "\"v1\"")
        #expect(head.contentLength == 12)
        #expect(head.value("x-long") == "un deux")
        #expect(head.value("Last-Modified") == nil)
    }

    // A server may send 100 Continue first; a proxy's answer comes first too. Only the last head counts.
    @Test("A later status line starts the head afresh")
    func interimResponse() {
        let head = head(["HTTP/1.1 100 Continue", "X-Interim: oui", "", "HTTP/2 304 ", "ETag: \"v2\""])
        #expect(head.status == 304)
        #expect(head.value("X-Interim") == nil)
        #expect(head.value("etag") == "\"v2\"")
    }

    @Test("A nonsense Content-Length is no length")
    func badLength() {
        #expect(head(["HTTP/1.1 200 OK", "Content-Length: -5"]).contentLength == nil)
        #expect(head(["HTTP/1.1 200 OK", "Content-Length: beaucoup"]).contentLength == nil)
    }

    @Test("Permanent hops move the feed; one temporary hop keeps it; a URL seen twice is a loop")
    func trail() {
        let start = URL(string: "https://a.exemple/ancien")!
        var trail = RedirectTrail(start: start, maxRedirects: 5)
        #expect(trail.follow(status: 301, to: URL(string: "https://b.exemple/x")!) == nil)
        #expect(trail.follow(status: 308, to: URL(string: "https://b.exemple/y")!) == nil)
        #expect(trail.permanentTarget == "https://b.exemple/y")
        #expect(trail.current == URL(string: "https://b.exemple/y")!)
        #expect(trail.follow(status: 302, to: URL(string: "https://b.exemple/z")!) == nil)
        #expect(trail.permanentTarget == nil)
        let loop = trail.follow(status: 301, to: URL(string: "https://a.exemple/ancien")!)
        #expect(loop?.kind == .redirectLoop)
        #expect(loop?.message == "redirect loop: https://a.exemple/ancien was already visited")
    }

    @Test("A hop's outcome is followed when it redirects to http(s), ends the attempt otherwise")
    func steps() {
        var trail = RedirectTrail(start: URL(string: "https://a.exemple/")!, maxRedirects: 5)
        var redirect = TransferOutcome(head: head(["HTTP/1.1 302 Found"]), body: Data("déplacé".utf8),
                                       redirectURL: "https://b.exemple/flux.xml")
        #expect(trail.step(after: redirect) == nil)
        #expect(trail.current == URL(string: "https://b.exemple/flux.xml")!)
        redirect.redirectURL = "file:///etc/passwd"
        let refused = trail.step(after: redirect)
        #expect(refused?.abort?.kind == .badURL)
        #expect(refused?.abort?.message == "redirected to “file:///etc/passwd”, which qnread cannot fetch")
        #expect(refused?.body.isEmpty == true)
        let answer = TransferOutcome(head: head(["HTTP/1.1 200 OK"]), body: Data("<rss/>".utf8))
        #expect(trail.step(after: answer)?.body == Data("<rss/>".utf8))
    }

    @Test("More hops than allowed is too many")
    func tooMany() {
        var trail = RedirectTrail(start: URL(string: "http://a.exemple/0")!, maxRedirects: 1)
        #expect(trail.follow(status: 307, to: URL(string: "http://a.exemple/1")!) == nil)
        #expect(trail.follow(status: 307, to: URL(string: "http://a.exemple/2")!)?.kind == .tooManyRedirects)
    }

    @Test("Each limit's message names the limit")
    func messages() {
        let settings = FetchSettings(totalTimeout: 60, lowSpeedBytesPerSecond: 1000, lowSpeedSeconds: 15)
        #expect(FetchFailure.bodyCap(settings, status: 200).message == "stopped at 32 MiB (the server sent more)")
        #expect(FetchFailure.headerCap(settings, status: nil).message == "headers stopped at 64 KiB (the server sent more)")
        #expect(FetchFailure.tooSlow(settings, answered: true).message == "slower than 1 KB/s for 15 s")
        #expect(FetchFailure.tooSlow(settings, answered: false).message == "no answer in 15 s")
        #expect(FetchFailure.totalTimeout(settings).message == "no complete answer within 60 s")
        #expect(FetchFailure.speed(1500, in: .english) == "1.5 KB/s")
        #expect(FetchFailure.speed(500, in: .english) == "500 bytes/s")
        #expect(FetchFailure.bytes(900, in: .english) == "900 bytes")
        #expect(FetchFailure.bytes(1, in: .english) == "1 byte")
    }

    // Failures are worded when made, in the settings' language, and stored as worded: units and decimals too.
    @Test("Limits are worded in French when the fetch's language is French")
    func frenchMessages() {
        let settings = FetchSettings(totalTimeout: 60, lowSpeedBytesPerSecond: 1500, lowSpeedSeconds: 15, catalogue: Catalogue(.fr))
        #expect(FetchFailure.bodyCap(settings, status: 200).message == "arrêté à 32\u{A0}Mio (le serveur en envoyait plus)")
        #expect(FetchFailure.tooSlow(settings, answered: true).message == "plus lent que 1,5\u{A0}ko/s pendant 15\u{A0}s")
        #expect(FetchFailure.totalTimeout(settings).message == "pas de réponse complète en 60\u{A0}s")
        #expect(FetchFailure.bytes(1, in: Catalogue(.fr)) == "1\u{A0}octet")
        #expect(FetchFailure.bytes(900, in: Catalogue(.fr)) == "900\u{A0}octets")
        #expect(HTTPStatusText.reason(503, in: Catalogue(.fr)) == "Service indisponible")
        var trail = RedirectTrail(start: URL(string: "http://a.exemple/0")!, maxRedirects: 1, words: Catalogue(.fr))
        _ = trail.follow(status: 307, to: URL(string: "http://a.exemple/1")!)
        #expect(trail.follow(status: 307, to: URL(string: "http://a.exemple/0")!)?.message
            == "boucle de redirections\u{A0}: http://a.exemple/0 a déjà été visitée")
    }

    @Test("Validators sent back are one line each, whatever the server stored in them")
    func requestHeaders() {
        let lines = RequestHeaders.lines(for: .init(etag: "\"v1\"\r\nX-Injecte: oui", lastModified: "  "))
        #expect(lines.count == 2)
        #expect(lines[1] == "If-None-Match: \"v1\" X-Injecte: oui")
    }

    @Test("Reasons are qnread's own words, never the server's")
    func reasons() {
        #expect(HTTPStatusText.reason(404) == "Not Found")
        #expect(HTTPStatusText.reason(599) == "Server Error")
    }
}
