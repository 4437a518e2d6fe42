import TextSafety
import Testing

@Test("Named, decimal and hex entities are decoded")
func entitiesDecoded() {
    #expect(HTMLPlainText.text(of: "Qu&eacute;bec &#171;&#xA0;num&#233;rique&#xA0;&#187; &amp; co") == "Québec «\u{A0}numérique\u{A0}» & co")
}

@Test("Tags are removed, block boundaries separate words, inline ones do not")
func tagsRemoved() {
    #expect(HTMLPlainText.text(of: "<p>Un</p><p>deux</p><b>tr</b>ois<br/>quatre") == "Un deux trois quatre")
}

@Test("Scripts, styles and comments leave no text")
func hiddenContentDropped() {
    let html = "<style>p { color: red }</style>avant<!-- note --> <SCRIPT>alert('école')</SCRIPT>après"
    #expect(HTMLPlainText.text(of: html) == "avant après")
}

@Test("Attributes with > inside quotes do not end the tag")
func quotedAttributes() {
    #expect(HTMLPlainText.text(of: #"<a title="a > b" href='x'>lien</a>"#) == "lien")
}

@Test("A lone < and unknown entities stay as written")
func looseText() {
    #expect(HTMLPlainText.text(of: "3 < 4 &inconnu; &") == "3 < 4 &inconnu; &")
}

@Test("Control characters and bidi overrides never reach the index; NEL is a line break")
func controlsRemoved() {
    #expect(HTMLPlainText.text(of: "a\u{1B}[31mb\u{202E}c&#x202E;d\u{85}e\u{7}") == "a[31mbcd e")
}

@Test("Windows-1252 numeric references read as browsers read them")
func windows1252References() {
    #expect(HTMLPlainText.text(of: "l&#146;&eacute;t&eacute; &#150; enfin") == "l’été – enfin")
}

@Test("Legacy Latin-1 entities without a semicolon are decoded")
func legacyEntities() {
    #expect(HTMLPlainText.text(of: "caf&eacute noir") == "café noir")
}

@Test("No-break spaces are kept, NEL is a line break, other multi-byte characters pass through whole")
func multibyteText() {
    #expect(HTMLPlainText.text(of: "«\u{00A0}Été\u{202F}» 🍁\u{0085}fin\u{0090}") == "«\u{00A0}Été\u{202F}» 🍁 fin")
}

// The store strips its decompressed HTML as bytes (StoredHTML.plainText): bytes that are not UTF-8 must neither
// hide a control character nor swallow the markup after them.
@Test("From bytes: the same text as from a String, and bytes that are not UTF-8 become U+FFFD or nothing", arguments: [
    ([UInt8]("<p>Qu&eacute;bec «\u{00A0}Été» 🍁</p>x".utf8), "Québec «\u{00A0}Été» 🍁 x"),
    ([0x61, 0xC3, 0x1B, 0x62], "a\u{FFFD}b"),
    ([0x61, 0x80, 0x3C, 0x70, 0x3E, 0x62], "a\u{FFFD} b"),
    ([0x61, 0xE2, 0x80], "a\u{FFFD}\u{FFFD}"),
    ([0xC0, 0xBC, 0x62], "\u{FFFD}\u{FFFD}b"),
    ([0x61, 0xED, 0xA0, 0x80, 0x62], "ab"),
])
func fromBytes(bytes: [UInt8], expected: String) {
    #expect(bytes.withUnsafeBufferPointer(HTMLPlainText.text(ofUTF8:)) == expected)
}

@Test("From bytes that are a String's, exactly the String's text")
func fromStringBytes() {
    let html = "<div>Qu&eacute;bec<script>x()</script> «\u{00A0}Été» <b>🍁</b>\u{0085}fin\u{0090}</div>"
    #expect(Array(html.utf8).withUnsafeBufferPointer(HTMLPlainText.text(ofUTF8:)) == HTMLPlainText.text(of: html))
}
