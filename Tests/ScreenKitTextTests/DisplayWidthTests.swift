import ScreenKit
import Testing

@Test("ASCII and accented Latin letters take one column")
func latinWidth() {
    #expect(DisplayWidth.of("Québec numérique") == 16)
    #expect(DisplayWidth.of(Character("é")) == 1)
}

@Test("A letter and its combining accent are one cluster of one column")
func combiningMarks() {
    let decomposed = "Que\u{0301}bec"
    #expect(decomposed.count == 6)
    #expect(DisplayWidth.of(decomposed) == 6)
    #expect(DisplayWidth.of(Character("e\u{0301}\u{0327}")) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
}

@Test("CJK ideographs, kana, hangul and fullwidth forms take two columns")
func wideCharacters() {
    #expect(DisplayWidth.of("魁北克") == 6)
    #expect(DisplayWidth.of("ケベック") == 8)
    #expect(DisplayWidth.of("퀘벡") == 4)
    #expect(DisplayWidth.of("ＡＢ") == 4)
    // A Hangul syllable written as three jamo is still one two-column cluster.
    #expect(DisplayWidth.of(Character("\u{1100}\u{1161}\u{11A8}")) == 2)
}

@Test("Emoji take two columns, including ZWJ sequences, flags, skin tones and VS16")
func emojiWidths() {
    #expect(DisplayWidth.of(Character("🍁")) == 2)
    #expect(DisplayWidth.of(Character("👩‍💻")) == 2)
    #expect(DisplayWidth.of(Character("🇨🇦")) == 2)
    #expect(DisplayWidth.of(Character("👍🏽")) == 2)
    #expect(DisplayWidth.of(Character("❤️")) == 2)
    #expect(DisplayWidth.of(Character("❤")) == 1)
    #expect(DisplayWidth.of("Bravo 🎉!") == 9)
}

@Test("Zero-width and format characters take no column; no-break spaces take one")
func zeroWidth() {
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
    #expect(DisplayWidth.of("\u{FEFF}") == 0)
    #expect(DisplayWidth.of("50\u{00A0}%") == 4)
    #expect(DisplayWidth.of("ordre\u{202F}:") == 7)
}

@Test("Truncation never splits a cluster and accounts for wide characters")
func truncation() {
    #expect(DisplayWidth.truncate("Québec numérique", toWidth: 10) == "Québec nu…")
    #expect(DisplayWidth.truncate("魁北克市", toWidth: 6) == "魁北…")
    #expect(DisplayWidth.truncate("court", toWidth: 10) == "court")
    #expect(DisplayWidth.truncate("e\u{0301}e\u{0301}e\u{0301}", toWidth: 2) == "e\u{0301}…")
}
