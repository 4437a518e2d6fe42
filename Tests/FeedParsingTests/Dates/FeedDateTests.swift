import Foundation
import Testing
@testable import FeedParsing

/// Real-world date strings and the instant they mean, written as RFC 3339 UTC. The expected side is
/// read back by Foundation's ISO8601DateFormatter, an oracle independent of the parser under test.
private let accepted: [(text: String, expected: String)] = [
    // RFC 822 / 1123, as most RSS 2.0 feeds write it, with every zone form.
    ("Thu, 14 Nov 2024 10:00:00 -0500", "2024-11-14T15:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 +0000", "2024-11-14T10:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 GMT", "2024-11-14T10:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 UT", "2024-11-14T10:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 UTC", "2024-11-14T10:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 Z", "2024-11-14T10:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 EST", "2024-11-14T15:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 EDT", "2024-11-14T14:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 CST", "2024-11-14T16:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 CDT", "2024-11-14T15:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 MST", "2024-11-14T17:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 MDT", "2024-11-14T16:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 PST", "2024-11-14T18:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 PDT", "2024-11-14T17:00:00Z"),
    // Military letters, with the signs RFC 1123 says are right (A = +1, N = −1).
    ("Thu, 14 Nov 2024 10:00:00 A", "2024-11-14T09:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 N", "2024-11-14T11:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 M", "2024-11-13T22:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 Y", "2024-11-14T22:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 +0530", "2024-11-14T04:30:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 +05:30", "2024-11-14T04:30:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 -03:30", "2024-11-14T13:30:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 GMT+0100", "2024-11-14T09:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 GMT-5", "2024-11-14T15:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 -0500 EST", "2024-11-14T15:00:00Z"),
    // No zone at all: UTC.
    ("Thu, 14 Nov 2024 10:00:00", "2024-11-14T10:00:00Z"),
    // Missing seconds, missing weekday, one-digit day.
    ("Thu, 14 Nov 2024 10:00 +0100", "2024-11-14T09:00:00Z"),
    ("14 Nov 2024 10:00:00 +0000", "2024-11-14T10:00:00Z"),
    ("Sun, 3 Nov 2024 09:05:07 +0000", "2024-11-03T09:05:07Z"),
    // Two-digit years: RFC 2822 says below 50 is 20xx, the rest 19xx.
    ("Thu, 14 Nov 24 10:00:00 GMT", "2024-11-14T10:00:00Z"),
    ("Sat, 14 Nov 98 10:00:00 GMT", "1998-11-14T10:00:00Z"),
    ("Fri, 1 Jan 49 00:00:00 GMT", "2049-01-01T00:00:00Z"),
    ("Sun, 1 Jan 50 00:00:00 GMT", "1950-01-01T00:00:00Z"),
    // Case, spacing and trailing comments.
    ("THU, 14 NOV 2024 10:00:00 gmt", "2024-11-14T10:00:00Z"),
    ("thursday, 14 november 2024 10:00:00 +0000", "2024-11-14T10:00:00Z"),
    ("  Thu,  14   Nov  2024   10:00:00    +0000  ", "2024-11-14T10:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 -0500 (EST)", "2024-11-14T15:00:00Z"),
    ("Thu, 14 Nov 2024 10:00:00 GMT (heure normale de l’Est)", "2024-11-14T10:00:00Z"),
    // RFC 850 and asctime, which old CMSes still emit.
    ("Thursday, 14-Nov-24 10:00:00 GMT", "2024-11-14T10:00:00Z"),
    ("Thu Nov 14 10:00:00 2024", "2024-11-14T10:00:00Z"),
    ("Nov 14, 2024 10:00:00 +0000", "2024-11-14T10:00:00Z"),
    // Calendar edges: leap days, the epoch, a year crossed by the offset, a leap second.
    ("Thu, 29 Feb 2024 12:00:00 +0000", "2024-02-29T12:00:00Z"),
    ("Tue, 29 Feb 2000 12:00:00 +0000", "2000-02-29T12:00:00Z"),
    ("Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z"),
    ("Tue, 31 Dec 2024 23:30:00 -0100", "2025-01-01T00:30:00Z"),
    ("Sat, 31 Dec 2016 23:59:60 GMT", "2017-01-01T00:00:00Z"),
    // A weekday that does not match the date is a writer's mistake, not a reason to lose the date.
    ("Mon, 14 Nov 2024 10:00:00 +0000", "2024-11-14T10:00:00Z"),
    ("Sun, 1 Sept 2024 10:00:00 +0000", "2024-09-01T10:00:00Z"),
    ("Tue, 12 Mar 2024 10:00:00 GMT", "2024-03-12T10:00:00Z"),
    ("Mar 12 2024 10:00:00 GMT", "2024-03-12T10:00:00Z"),

    // French, as French WordPress sites write their RSS (date_i18n), abbreviated or full, with or without accents.
    ("jeu. 14 nov. 2024 10:00:00 -0500", "2024-11-14T15:00:00Z"),
    ("lundi 3 novembre 2014", "2014-11-03T00:00:00Z"),
    ("Lundi 3 Novembre 2014", "2014-11-03T00:00:00Z"),
    ("3 nov. 2014", "2014-11-03T00:00:00Z"),
    ("le 3 novembre 2014", "2014-11-03T00:00:00Z"),
    // "mar." is mardi when another month follows, March when none does.
    ("mar. 12 nov. 2024 08:30:00 +0100", "2024-11-12T07:30:00Z"),
    ("mar. 12 mars 2024 08:30:00 +0100", "2024-03-12T07:30:00Z"),
    ("ven., 7 févr. 2025 18:45:00 +0100", "2025-02-07T17:45:00Z"),
    ("ven., 7 fevr. 2025 18:45:00 +0100", "2025-02-07T17:45:00Z"),
    ("DIMANCHE 2 FÉVRIER 2025", "2025-02-02T00:00:00Z"),
    ("vendredi 15 août 2025", "2025-08-15T00:00:00Z"),
    ("15 aout 2025", "2025-08-15T00:00:00Z"),
    ("mer. 25 déc. 2024 00:00:00 +0100", "2024-12-24T23:00:00Z"),
    ("25 dec. 2024", "2024-12-25T00:00:00Z"),
    ("mercredi 25 décembre 2024", "2024-12-25T00:00:00Z"),
    ("1er janvier 2025", "2025-01-01T00:00:00Z"),
    ("sam. 1er mars 2025 10:00:00 +0100", "2025-03-01T09:00:00Z"),
    ("samedi 1er mars 2025 à 10 h 30", "2025-03-01T10:30:00Z"),
    ("1er mars 2025 a 10h30", "2025-03-01T10:30:00Z"),
    ("1er\u{A0}mars 2025 à 10\u{A0}h\u{A0}30", "2025-03-01T10:30:00Z"),
    ("jeudi 14 novembre 2024 à 10 h", "2024-11-14T10:00:00Z"),
    // Québec sites write the zone as heure normale / avancée de l’Est.
    ("jeudi 14 novembre 2024 à 10:00 HNE", "2024-11-14T15:00:00Z"),
    ("mardi 2 juillet 2024 à 10:00 HAE", "2024-07-02T14:00:00Z"),
    ("14 juil. 2024 22:00 +0200", "2024-07-14T20:00:00Z"),
    ("mer., 4 sept. 2024 09:00:00 CEST", "2024-09-04T07:00:00Z"),
    ("dim. 12 janv. 2025 09:00:00 CET", "2025-01-12T08:00:00Z"),
    ("lun. 14 avr. 2025 12:00:00 +0000", "2025-04-14T12:00:00Z"),
    ("jeu. 1 mai 2025 12:00:00 +0000", "2025-05-01T12:00:00Z"),
    ("sam. 21 juin 2025 12:00:00 +0000", "2025-06-21T12:00:00Z"),
    ("ven. 31 oct. 2025 12:00:00 +0000", "2025-10-31T12:00:00Z"),

    // RFC 3339 / ISO 8601 / W3C-DTF, as Atom feeds and dc:date write it.
    ("2024-11-14T10:00:00Z", "2024-11-14T10:00:00Z"),
    ("2024-11-14t10:00:00z", "2024-11-14T10:00:00Z"),
    ("2024-11-14T10:00:00.123Z", "2024-11-14T10:00:00.123Z"),
    ("2024-11-14T10:00:00,5Z", "2024-11-14T10:00:00.500Z"),
    ("2024-11-14T10:00:00+01:00", "2024-11-14T09:00:00Z"),
    ("2024-11-14T10:00:00-0500", "2024-11-14T15:00:00Z"),
    ("2024-11-14T10:00:00+01", "2024-11-14T09:00:00Z"),
    ("2024-11-14T10:00:00", "2024-11-14T10:00:00Z"),
    ("2024-11-14T10:00Z", "2024-11-14T10:00:00Z"),
    ("2024-11-14T10:00+02:00", "2024-11-14T08:00:00Z"),
    ("2024-11-14 10:00:00", "2024-11-14T10:00:00Z"),
    ("2024-11-14 10:00:00 +0100", "2024-11-14T09:00:00Z"),
    ("2024-11-14 10:00:00 UTC", "2024-11-14T10:00:00Z"),
    ("2024-11-14", "2024-11-14T00:00:00Z"),
    ("2024-11", "2024-11-01T00:00:00Z"),
    ("2024", "2024-01-01T00:00:00Z"),
    ("20241114T100000Z", "2024-11-14T10:00:00Z"),
    ("20241114", "2024-11-14T00:00:00Z"),
    ("  2024-11-14T10:00:00Z\n", "2024-11-14T10:00:00Z"),
    ("2024-11-14T24:00:00Z", "2024-11-15T00:00:00Z"),
    ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"),
    ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ("1600-02-29T00:00:00Z", "1600-02-29T00:00:00Z"),
]

private let rejected: [String] = [
    "", "   ", "hier", "demain à 10 h", "lundi", "1er", "10:00:00", "Europe/Paris",
    "Thu, 14 Nov 2024 25:00:00 GMT", "Thu, 14 Nov 2024 10:60:00 GMT", "Thu, 14 Nov 2024 10:00:61 GMT",
    "Thu, 14 Nov 2024 24:30:00 GMT",
    "Fri, 30 Feb 2024 10:00:00 GMT", "29 Feb 2023", "29 Feb 1900", "31 avril 2024", "32 Jan 2024", "0 Jan 2024",
    "14 Foo 2024", "14 Nov", "Nov 2024", "2er novembre 2014",
    "Thu, 14 Nov 2024 10:00:00 +0000 +0000", "Thu, 14 Nov 2024 10:00:00 GMT GMT",
    "Thu, 14 Nov 2024 10:00:00 -0500 EST EST",
    "Thu, 14 Nov 2024 10:00:00 J", "Thu, 14 Nov 2024 10:00:00 +2500", "Thu, 14 Nov 2024 10:00:00 +01:75",
    "14 nov. 2024 10:00:00 Europe/Paris", "14 nov. 2024 janv.", "14 nov. 2024 10:00 à", "14 nov. 2024 é 10:00",
    "2024-13-01", "2024-00-10", "2024-02-30", "2024-1-14", "24-11-14", "2024/11/14", "14/11/2024",
    "2024-11-14T", "2024-11-14T10", "2024-11-14T10:00:00Zjunk", "2024-11-14T10:00:00.Z",
    "2024-11-14T10:00:00+25:00", "2024-11-14T10:00:00+0100 GMT", "2024-11-14T25:00:00Z",
]

private func instant(_ rfc3339: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = rfc3339.contains(".")
        ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    return formatter.date(from: rfc3339)
}

@Test("Real-world dates parse to the instant they mean", arguments: accepted)
func parsesRealWorldDate(text: String, expected: String) throws {
    let want = try #require(instant(expected), "bad expectation \(expected)")
    let got = try #require(FeedDate.parse(text), "could not parse \(text)")
    #expect(abs(got.timeIntervalSince(want)) < 0.000_5, "\(text) → \(got), expected \(expected)")
}

@Test("Dates that are not dates, or out of range, are refused", arguments: rejected)
func refusesNonDate(text: String) {
    #expect(FeedDate.parse(text) == nil, "\(text) should not parse")
}

@Test("Fractional seconds keep every digit a Date can hold, and skip the rest")
func fractionalSeconds() throws {
    let base = try #require(instant("2024-11-14T09:00:00Z")).timeIntervalSince1970
    let nine = try #require(FeedDate.parse("2024-11-14T10:00:00.123456789+01:00")).timeIntervalSince1970
    #expect(abs(nine - base - 0.123_456_789) < 0.000_001)
    let many = try #require(FeedDate.parse("2024-11-14T10:00:00.12345678901234567890+01:00")).timeIntervalSince1970
    #expect(abs(many - base - 0.123_456_789) < 0.000_001)
}

@Test("Every day from 1900 to 2100 survives the civil-date arithmetic both ways")
func civilArithmeticRoundTrips() {
    let first = FeedDate.CivilDateTime.daysFromCivil(year: 1900, month: 1, day: 1)
    let last = FeedDate.CivilDateTime.daysFromCivil(year: 2100, month: 12, day: 31)
    #expect(first == -25_567)
    var expected = (year: 1900, month: 1, day: 1)
    for days in first...last {
        let civil = FeedDate.CivilDateTime.civilFromDays(days)
        if civil != expected { Issue.record("day \(days) → \(civil), expected \(expected)"); return }
        expected.day += 1
        if expected.day > FeedDate.CivilDateTime.daysIn(month: expected.month, year: expected.year) {
            expected.day = 1
            expected.month += 1
            if expected.month > 12 { expected.month = 1; expected.year += 1 }
        }
    }
}

@Test("Parsing from raw UTF-8 bytes gives the same instant as from a String")
func parsesFromBytes() {
    let text = "jeu. 14 nov. 2024 10:00:00 -0500"
    let fromBytes = Array(text.utf8).withUnsafeBufferPointer { FeedDate.parse(utf8: $0) }
    #expect(fromBytes != nil)
    #expect(fromBytes == FeedDate.parse(text))
}
