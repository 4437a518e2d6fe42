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
