import ArticleText
import Foundation
import Testing

func read(_ html: String, base: String? = "https://exemple.qc.ca/blogue/billet.html") -> ArticleDocument {
    ArticleDocument(html: html, baseURL: base.flatMap(URL.init(string:)))
}

func plain(_ text: String) -> ArticleInline { .text(text, []) }

@Test("Paragraphs collapse white space and keep no-break spaces")
func paragraphs() {
    let doc = read("<p>  Bonjour\n\t  la   communauté&nbsp;! </p><p>Deuxième\u{202F}; paragraphe</p>")
    #expect(doc.blocks == [
        .paragraph([plain("Bonjour la communauté\u{00A0}!")]),
        .paragraph([plain("Deuxième\u{202F}; paragraphe")]),
    ])
}

@Test("Text straight in the body becomes a paragraph; empty paragraphs vanish")
func bareText() {
    let doc = read("Du texte nu<p> </p><p>\n</p><div>puis un bloc</div>")
    #expect(doc.blocks == [.paragraph([plain("Du texte nu")]), .paragraph([plain("puis un bloc")])])
}

@Test("Headings h1 to h6 keep their level")
func headings() {
    let doc = read((1...6).map { "<h\($0)>Titre \($0)</h\($0)>" }.joined())
    #expect(doc.blocks == (1...6).map { .heading(level: $0, [plain("Titre \($0)")]) })
}

@Test("Block quotes nest")
func nestedQuotes() {
    let doc = read("<blockquote><p>Premier niveau</p><blockquote>Deuxième niveau</blockquote></blockquote>")
    #expect(doc.blocks == [.quote([.paragraph([plain("Premier niveau")]), .quote([.paragraph([plain("Deuxième niveau")])])])])
}

@Test("Lists nest, and an ordered list keeps its start number")
func nestedLists() {
    let doc = read("<ol start=\"3\"><li>trois<ul><li>a</li><li>b</li></ul></li><li>quatre</li></ol>")
    let inner = ArticleList(isOrdered: false, items: [[.paragraph([plain("a")])], [.paragraph([plain("b")])]])
    #expect(doc.blocks == [.list(ArticleList(isOrdered: true, start: 3, items: [
        [.paragraph([plain("trois")]), .list(inner)],
        [.paragraph([plain("quatre")])],
    ]))])
}

// Hand-written feeds often put a sublist straight into the list, outside any li.
@Test("A list nested without an li belongs to the item before it")
func strayNestedList() {
    let doc = read("<ul><li>un</li><ul><li>sous-point</li></ul></ul>")
    guard case .list(let list)? = doc.blocks.first else { Issue.record("no list"); return }
    #expect(list.items.count == 1)
    #expect(list.items[0].count == 2)
}

@Test("pre is kept verbatim, tabs expanded, first newline dropped")
func preformatted() {
    let doc = read("<pre>\nfor page in pages:\n\tverifier(page)   # deux  espaces\n</pre>")
    #expect(doc.blocks == [.preformatted("for page in pages:\n        verifier(page)   # deux  espaces")])
}

@Test("hr is a rule and br a line break inside its paragraph")
func ruleAndBreak() {
    let doc = read("<p>ligne un <br> ligne deux</p><hr><p>après</p>")
    #expect(doc.blocks == [
        .paragraph([plain("ligne un"), .lineBreak, plain("ligne deux")]),
        .rule,
        .paragraph([plain("après")]),
    ])
}

@Test("A figure keeps its image and its caption apart")
func figure() {
    let doc = read("<figure><img src=\"photo.jpg\" alt=\"La salle\"><figcaption>Au <em>Hub</em></figcaption></figure>")
    #expect(doc.blocks == [.figure(
        content: [.paragraph([.media(ArticleMedia(kind: .image, label: "La salle", number: 1))])],
        caption: [plain("Au "), .text("Hub", .emphasis)])])
    #expect(doc.links.map(\.url) == ["https://exemple.qc.ca/blogue/photo.jpg"])
}

@Test("Tables keep header rows and cells in order")
func table() {
    let doc = read("""
        <table><thead><tr><th>Ville</th><th>Membres</th></tr></thead>
        <tbody><tr><td>Québec</td><td>120</td></tr><tr><td>Lévis</td><td><b>45</b></td></tr></tbody></table>
        """)
    #expect(doc.blocks == [.table(ArticleTable(rows: [
        ArticleTableRow(isHeader: true, cells: [[plain("Ville")], [plain("Membres")]]),
        ArticleTableRow(isHeader: false, cells: [[plain("Québec")], [plain("120")]]),
        ArticleTableRow(isHeader: false, cells: [[plain("Lévis")], [.text("45", .strong)]]),
    ]))])
}

@Test("Definition lists pair terms with their definitions")
func definitions() {
    let doc = read("<dl><dt>WAQ</dt><dd>Le Web à Québec</dd><dd>Un événement annuel</dd><dt>Hub</dt><dd>Un lieu</dd></dl>")
    #expect(doc.blocks == [.definitions([
        ArticleDefinition(term: [plain("WAQ")], details: [[.paragraph([plain("Le Web à Québec")])],
                                                          [.paragraph([plain("Un événement annuel")])]]),
        ArticleDefinition(term: [plain("Hub")], details: [[.paragraph([plain("Un lieu")])]]),
    ])])
}

@Test("The page title comes from the head, and nothing else of the head is shown")
func title() {
    let doc = read("<html><head><title>Soirée   au Hub</title><meta name=x content=y></head><body><p>Corps</p></body></html>")
    #expect(doc.title == "Soirée au Hub")
    #expect(doc.blocks == [.paragraph([plain("Corps")])])
}
