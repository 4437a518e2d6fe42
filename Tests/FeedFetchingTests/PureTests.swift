import FeedModel
import Foundation
import Testing
@testable import FeedFetching

@Suite("Dates, digests and retry waits")
struct PureTests {
    @Test("HTTP dates are written in IMF-fixdate and read in RFC 9110's three forms")
    func httpDate() {
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == date)
        #expect(HTTPDate.parse("hier soir") == nil)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        let leap = HTTPDate.parse("Tue, 29 Feb 2028 23:59:59 GMT")!
        #expect(HTTPDate.format(leap) == "Tue, 29 Feb 2028 23:59:59 GMT")
    }

    @Test("The body digest is XXH3-128, as hex: the published value for no bytes, and one per body")
    func bodyDigest() {
        #expect(BodyDigest.hex(Data()) == "99aa06d3014798d86001c324468d497f")
        #expect(BodyDigest.hex(Data("abc".utf8)) == "06b05ab6733a618578af5f94892f3950")
        #expect(BodyDigest.hex(Data("abd".utf8)) != BodyDigest.hex(Data("abc".utf8)))
    }

    @Test("Retry waits double, follow Retry-After, and stop at the cap")
    func retryWaits() {
        let settings = FetchSettings(retries: 3, retryDelay: 0.5, maxRetryWait: 10)
        let policy = RetryPolicy(settings: settings)
        let now = Date(timeIntervalSince1970: 784_111_777)
        let busy = FetchFailure(.http, httpStatus: 503, message: "HTTP 503")
        #expect(policy.delay(after: busy, attempt: 1, retryAfter: nil, now: now) == 0.5)
        #expect(policy.delay(after: busy, attempt: 2, retryAfter: nil, now: now) == 1)
        #expect(policy.delay(after: busy, attempt: 1, retryAfter: "4", now: now) == 4)
        #expect(policy.delay(after: busy, attempt: 1, retryAfter: "Sun, 06 Nov 1994 08:49:40 GMT", now: now) == 3)
        #expect(policy.delay(after: busy, attempt: 1, retryAfter: "3600", now: now) == 10)
        #expect(policy.delay(after: busy, attempt: 4, retryAfter: nil, now: now) == nil)
        #expect(policy.delay(after: FetchFailure(.http, httpStatus: 404, message: "HTTP 404"), attempt: 1, retryAfter: nil, now: now) == nil)
    }

    @Test("Content-Type is split into media type and charset")
    func contentType() {
        let full = ContentType("Application/RSS+XML; Charset=\"ISO-8859-1\"")
        #expect(full.mediaType == "application/rss+xml")
        #expect(full.charset == "ISO-8859-1")
        #expect(ContentType("text/xml").charset == nil)
        #expect(ContentType(nil).mediaType == nil)
    }
}
