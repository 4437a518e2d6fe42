import Testing
@testable import FeedParsing

// itunes:duration as podcast feeds really write it. Apple documents seconds; feeds write clocks, fractions and
// stray spaces too, and sometimes words: a duration that does not read is none, never a wrong one.
@Suite("itunes:duration")
struct EnclosureDurationTests {
    @Test("Every form feeds write reads as whole seconds", arguments: [
        ("3723", 3723), ("0", 0), ("45:30", 2730), ("75:00", 4500), ("1:02:03", 3723), ("01:02:03", 3723),
        ("01:00:00.500", 3600), (" 1: 02 :03 ", 3723), ("\n\t42\n", 42), ("2730.9", 2730),
    ])
    func reads(_ text: String, _ seconds: Int) {
        #expect(EnclosureDuration.seconds(text) == seconds)
    }

    @Test("What is not a duration is none", arguments: [
        "", " ", "environ une heure", "-5", "1:2:3:4", "1::3", ":30", "12:", "1.5:00", "3723s", "１２", "99999999999",
    ])
    func refuses(_ text: String) {
        #expect(EnclosureDuration.seconds(text) == nil)
    }

    @Test("A duration over a week is a typo, not a recording")
    func capsAWeek() {
        #expect(EnclosureDuration.seconds("604800") == 604_800)
        #expect(EnclosureDuration.seconds("604801") == nil)
    }
}
