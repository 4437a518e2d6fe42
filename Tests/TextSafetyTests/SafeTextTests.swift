import CLibXML2
import Testing
import TextSafety

// The one list of characters that never reach a terminal, pinned: every Unicode scalar is checked against this
// table, so a character added to or dropped from the list fails here first.
private let unsafeRanges: [(ClosedRange<UInt32>, String)] = [
    (0x00...0x1F, "C0 controls"),
    (0x7F...0x9F, "DEL and C1 controls"),
    (0xAD...0xAD, "soft hyphen"),
    (0x061C...0x061C, "Arabic letter mark"),
    (0x200E...0x200F, "left-to-right and right-to-left marks"),
    (0x202A...0x202E, "bidi embeddings and overrides"),
    (0x2066...0x2069, "bidi isolates"),
    (0xFEFF...0xFEFF, "byte-order mark"),
]

private let spaces: [UInt32] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0x2028, 0x2029]

private var allScalars: some Sequence<Unicode.Scalar> {
    (0...0x10FFFF as ClosedRange<UInt32>).lazy.compactMap(Unicode.Scalar.init)
}

@Test("The unsafe list is exactly the table: controls, the soft hyphen, bidi controls and the byte-order mark")
func unsafeListIsPinned() {
    for scalar in allScalars {
        let expected = unsafeRanges.first { $0.0.contains(scalar.value) }
        #expect(SafeText.isUnsafe(scalar) == (expected != nil), "U+\(String(scalar.value, radix: 16)) \(expected?.1 ?? "")")
    }
}

@Test("White space is ASCII's, NEL and the line and paragraph separators; no-break spaces are text")
func whiteSpaceIsPinned() {
    for scalar in allScalars {
        #expect(SafeText.isSpace(scalar) == spaces.contains(scalar.value), "U+\(String(scalar.value, radix: 16))")
    }
}

@Test("Every unsafe character is dropped by every cleaner, wherever it stands in the text")
func everyCleanerDropsTheList() {
    for (range, name) in unsafeRanges {
        for value in range where !spaces.contains(value) {
            let character = String(Unicode.Scalar(value)!)
            let text = "\(character)Qué\(character)bec\(character)"
            #expect(SafeText.collapsedLine(text) == "Québec", "\(name) U+\(String(value, radix: 16))")
            #expect(SafeText.line(text) == "Québec", "\(name) U+\(String(value, radix: 16))")
            #expect(SafeText.removingUnsafe(text) == "Québec", "\(name) U+\(String(value, radix: 16))")
            #expect(HTMLPlainText.text(of: "<p>\(text)</p>") == "Québec", "\(name) U+\(String(value, radix: 16))")
            // As a reference: &#0; is U+FFFD, and &#128;–&#159; are windows-1252's letters, as browsers read them.
            if value != 0 && !(0x80...0x9F).contains(value) {
                #expect(HTMLPlainText.text(of: "<p>&#\(value);Québec</p>") == "Québec", "\(name) as a reference")
            }
        }
    }
}

@Test("A line collapses white space and keeps no-break spaces; the other cleaners keep the spacing or drop it")
func linesAndSpaces() {
    let text = "  « Été\u{A0}»\u{2028}à\tLévis\u{202F}!\r\n\u{85}fin  "
    #expect(SafeText.collapsedLine(text) == "« Été\u{A0}» à Lévis\u{202F}! fin")
    #expect(SafeText.line(text) == "  « Été\u{A0}» à Lévis\u{202F}!   fin  ")
    #expect(SafeText.removingUnsafe(text) == "  « Été\u{A0}»\u{2028}àLévis\u{202F}!fin  ")
    #expect(HTMLPlainText.text(of: text) == "« Été\u{A0}» à Lévis\u{202F}! fin")
    let clean = "Québec numérique"
    #expect(SafeText.collapsedLine(clean) == clean)
}

@Test("The entity table knows every HTML 4 entity libxml2 knows, with the same character")
func entityTableCoversHTML4() {
    var count = 0
    for value in 0...0x2666 as ClosedRange<UInt32> {
        guard let entity = htmlEntityValueLookup(value) else { continue }
        let name = String(cString: entity.pointee.name)
        #expect(HTMLEntities.value(named: name) == value, "&\(name);")
        count += 1
    }
    #expect(count == 253)
    #expect(HTMLEntities.value(named: "apos") == 0x27)
    #expect(HTMLEntities.value(named: "inconnu") == nil)
}
