import ArticleText
import FeedModel
import Foundation
import ReaderCore
import ScreenKit
import Testing

private func layout(_ html: String, width: Int) -> [String] {
    let doc = ArticleDocument(html: html, baseURL: URL(string: "https://exemple.qc.ca/billet"))
    return ArticleLayout.lines(for: doc, width: width).map(\.text)
}

@Test("Paragraphs are separated by one blank line; headings h1 and h2 are underlined")
func paragraphsAndHeadings() {
    #expect(layout("<h1>Titre</h1><p>Un.</p><h2>Section</h2><p>Deux.</p><h3>Petit</h3>", width: 30) == [
        "Titre", "═════", "", "Un.", "", "Section", "───────", "", "Deux.", "", "Petit",
    ])
}

@Test("Nested lists indent their items, carry indentation and number from start")
func nestedListLayout() {
    let html = "<ol start=\"9\"><li>neuvième point assez long pour couper<ul><li>sous-point</li></ul></li><li>dixième</li></ol>"
    #expect(layout(html, width: 24) == [
        " 9. neuvième point assez",
        "    long pour couper",
        "    ◦ sous-point",
        "10. dixième",
    ])
}

@Test("Nested quotes draw one bar per level on every line")
func nestedQuoteLayout() {
    let html = "<blockquote><p>On la fait pour nous tous.</p><blockquote>Et nos parents&nbsp;!</blockquote></blockquote>"
    #expect(layout(html, width: 20) == [
        "│ On la fait pour",
        "│ nous tous.",
        "│",
        "│ │ Et nos parents !",
    ].map { $0.replacingOccurrences(of: "parents !", with: "parents\u{00A0}!") })
}

@Test("A table that fits is drawn as aligned columns under a header rule")
func tableThatFits() {
    let html = "<table><tr><th>Ville</th><th>Membres</th></tr><tr><td>Québec</td><td>120</td></tr><tr><td>Lévis</td><td>45</td></tr></table>"
    #expect(layout(html, width: 40) == [
        "Ville  │ Membres",
        "───────┼────────",
        "Québec │ 120",
        "Lévis  │ 45",
    ])
}

@Test("A table too wide for the screen becomes rows of label : value")
func tableThatDoesNotFit() {
    let html = "<table><tr><th>Ville</th><th>Membres</th></tr><tr><td>Québec</td><td>120</td></tr><tr><td>Lévis</td><td>45</td></tr></table>"
    #expect(layout(html, width: 15) == [
        "Ville\u{00A0}: Québec", "Membres\u{00A0}: 120", "", "Ville\u{00A0}: Lévis", "Membres\u{00A0}: 45",
    ])
}

@Test("pre is printed verbatim and never wrapped")
func preLayout() {
    #expect(layout("<pre>for page in $(cat pages.txt); do npx pa11y \"$page\"; done</pre>", width: 20) == [
        "for page in $(cat pages.txt); do npx pa11y \"$page\"; done",
    ])
}

@Test("Links, images and videos are numbered in the text and listed at the end")
func linkList() {
    let html = """
        <p>Voir <a href="/a">le site</a> et <a href="/a">encore</a>. <img src="/photo.jpg" alt="La salle"></p>
        <iframe src="https://www.youtube.com/embed/x" title="Allocution"></iframe>
        """
    #expect(layout(html, width: 60) == [
        "Voir le site[1] et encore[1]. [image: La salle][2]",
        "",
        "[vidéo: Allocution][3]",
        "",
        "Liens\u{00A0}:",
        "[1] https://exemple.qc.ca/a",
        "[2] https://exemple.qc.ca/photo.jpg (image)",
        "[3] https://www.youtube.com/embed/x (vidéo)",
    ])
}

@Test("Inline marks become roles on their own spans")
func inlineRoles() {
    let doc = ArticleDocument(html: "<p>un <b>gras</b> <a href=\"https://x.qc.ca\">lien</a> <code>code</code></p>", baseURL: nil)
    let spans = ArticleLayout.lines(for: doc, width: 80)[0].spans
    #expect(spans.first { $0.text == "gras" }?.roles == [.strong])
    #expect(spans.first { $0.text == "lien" }?.roles == [.link])
    #expect(spans.first { $0.text == "[1]" }?.roles == [.dim])
    #expect(spans.first { $0.text == "code" }?.roles == [.code])
}

@Test("Definitions indent their details under the term")
func definitionLayout() {
    #expect(layout("<dl><dt>WCAG</dt><dd>Les règles du W3C</dd></dl>", width: 30) == ["WCAG", "    Les règles du W3C"])
}

@Test("The header shows title, feed · author · date, link and a rule, cleaned of controls")
func headerLayout() {
    let header = ArticleHeader(title: "Soirée\u{1B}[2J au Hub", feed: "Web à Québec", author: "Marie", date: "19 novembre",
                               link: "https://webaquebec.example.org/2025/11/soiree/")
    #expect(ArticleLayout.headerLines(header, width: 32).map(\.text) == [
        "Soirée[2J au Hub",
        "Web à Québec · Marie · 19",
        "novembre",
        "https://webaquebec.example.org/",
        "2025/11/soiree/",
        String(repeating: "─", count: 32),
    ])
}

@Test("Very narrow widths still give lines that fit")
func narrowWidths() {
    let html = "<blockquote><blockquote><ul><li><ol><li>profondément imbriqué</li></ol></li></ul></blockquote></blockquote>"
    for width in 1...16 {
        for line in layout(html, width: width) {
            #expect(DisplayWidth.of(line) <= max(width, 2), "width \(width): \(line)")
        }
    }
}

@Test("A table with no header row that does not fit puts each cell on its own line")
func headerlessTable() {
    let html = "<table><tr><td>Premier critère vérifié</td><td>61 %</td></tr><tr><td>Second critère</td><td>47 %</td></tr></table>"
    #expect(layout(html, width: 20) == ["Premier critère", "  vérifié", "61\u{00A0}%", "", "Second critère", "47\u{00A0}%"]
        .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") })
}

@Test("A stored article's header joins its authors and keeps its feed and link")
func headerFromArticle() {
    let article = Article(id: ArticleID(7), feedID: FeedID(1), feedTitle: "Québec numérique", title: "L’École 42 ouvre",
                          link: "https://quebecnumerique.example/42", authors: ["Marie", "Luc"],
                          status: ArticleStatus(arrived: Date(timeIntervalSince1970: 0)))
    #expect(ArticleHeader(article: article, date: "1 déc. 2025") == ArticleHeader(
        title: "L’École 42 ouvre", feed: "Québec numérique", author: "Marie, Luc", date: "1 déc. 2025",
        link: "https://quebecnumerique.example/42"))
}

@Test("Body lines and link lines together are exactly the full layout")
func bodyAndLinksCompose() {
    let doc = FrenchArticle.document
    let body = ArticleLayout.bodyLines(for: doc, width: 50)
    let links = ArticleLayout.linkLines(doc.links, width: 50)
    #expect(links.first?.text == "Liens\u{00A0}:")
    #expect(links.count > doc.links.count)
    #expect(body + [StyledLine()] + links == ArticleLayout.lines(for: doc, width: 50))
}
