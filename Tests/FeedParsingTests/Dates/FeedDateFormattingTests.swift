import Foundation
import Testing
@testable import FeedParsing

@Test("Dates are written as RFC 3339 UTC and RFC 822 GMT, and read back to the same instant", arguments: [
    (0.0, "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT"),
    (1_731_596_400, "2024-11-14T15:00:00Z", "Thu, 14 Nov 2024 15:00:00 GMT"),
    (1_709_208_000.25, "2024-02-29T12:00:00.250Z", "Thu, 29 Feb 2024 12:00:00 GMT"),
    (-1, "1969-12-31T23:59:59Z", "Wed, 31 Dec 1969 23:59:59 GMT"),
    (951_782_400, "2000-02-29T00:00:00Z", "Tue, 29 Feb 2000 00:00:00 GMT"),
])
func formatsDates(seconds: Double, rfc3339: String, rfc822: String) {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(FeedDate.rfc3339(date) == rfc3339)
    #expect(FeedDate.rfc822(date) == rfc822)
    #expect(FeedDate.parse(rfc3339) == date)
    #expect(FeedDate.parse(rfc822)?.timeIntervalSince1970 == seconds.rounded(.down))
}
