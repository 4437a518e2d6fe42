import ArticleText
import Foundation
import Testing
import TextSafety

@Test("Scripts, styles, noscript, comments and hidden elements are dropped")
func droppedContent() {
    let doc = read("""
        <script>document.write("non")</script><style>p{}</style><noscript>Activez JS</noscript>
        <!-- commentaire --><p hidden>caché</p><p style="display: none">caché</p>
        <div aria-hidden="true">icône</div><p>Visible</p>
        """)
    #expect(doc.blocks == [.paragraph([plain("Visible")])])
}

@Test("C0 and C1 controls and bidi overrides never survive, in text, pre, titles or URLs")
func controlsRemoved() {
    let doc = read("""
        <html><head><title>Titre\u{1B}]0;pirate\u{07}</title></head><body>
        <p>rouge&#x1b;[31m fin&#x9b;2J \u{202E}inversé\u{202C} \u{2066}isolé\u{2069}\u{200F}</p>
        <pre>a\u{1B}[2Jb\u{85}c</pre><a href="https://x.org/\u{1B}[31m">lien</a></body></html>
        """)
    let everything = "\(doc)"
    for forbidden in ["\u{1B}", "\u{07}", "\u{9B}", "\u{85}", "\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{200F}"] {
        #expect(!everything.unicodeScalars.contains(forbidden.unicodeScalars.first!), "found U+\(String(forbidden.unicodeScalars.first!.value, radix: 16))")
    }
    #expect(doc.blocks.first == .paragraph([plain("rouge[31m fin2J inversé isolé")]))
}

@Test("TerminalSafeText.plain collapses white space and keeps no-break spaces")
func plainText() {
    #expect(TerminalSafeText.plain("  Québec\u{00A0}:\n\tla   \u{1B}[1mville ") == "Québec\u{00A0}: la [1mville")
}

@Test("Empty and malformed HTML never crash and give what can be read")
func malformed() {
    #expect(read("").blocks.isEmpty)
    let doc = read("<p>ouvert <b>gras <i>les deux</p><p>suite")
    #expect(!doc.blocks.isEmpty)
    #expect("\(doc.blocks)".contains("suite"))
}
