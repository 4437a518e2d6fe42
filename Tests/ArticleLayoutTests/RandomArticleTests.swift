import ArticleText
import Foundation
import ReaderCore
import ScreenKit
import Testing

/// A fixed-seed generator, so a failure here is reproducible.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let pieces = [
    "<p>", "</p>", "<blockquote>", "</blockquote>", "<ul><li>", "</li><li>", "</li></ul>", "<ol start=\"7\"><li>",
    "</ol>", "<b>", "</b>", "<em>", "</em>", "<a href=\"/lien\">", "<a href=\"https://exemple.qc.ca/a/b-c/d\">", "</a>",
    "<br>", "<hr>", "<pre>  verbatim\tcode\n</pre>", "<table><tr><th>Critère</th><th>Valeur</th></tr><tr><td>",
    "</td><td>", "</td></tr></table>", "<h2>", "</h2>", "<img src=\"x.png\" alt=\"Le Hub\">", "<dl><dt>", "</dt><dd>",
    "</dd></dl>", "<figure>", "<figcaption>", "</figcaption></figure>", "<q>", "</q>",
    "Québec", "numérique", "«\u{00A0}communauté\u{00A0}»", "« Hub »", "ordre\u{202F}:", "vraiment ?", "50 %", "là ;",
    "anticonstitutionnellement", "https://donnees.example.qc.ca/accessibilite/rapports/2025/etude.pdf",
    "魁北克", "👩‍💻", "🇨🇦", "e\u{0301}", "peut-être", "\u{1B}[31m", "\u{9B}2J", "\u{202E}", "\u{07}", " ", "  ", "\n",
]

@Test("Random articles: every line fits its width (pre aside) and no control or bidi character gets out")
func randomArticles() {
    var random = SplitMix(state: 0x5155_4542_4543)   // "QUEBEC"
    for round in 0..<300 {
        let html = (0..<Int.random(in: 5...80, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            .joined(separator: Bool.random(using: &random) ? " " : "")
        let width = Int.random(in: 1...100, using: &random)
        let document = ArticleDocument(html: html, baseURL: URL(string: "https://exemple.qc.ca/billet/"))
        for line in ArticleLayout.lines(for: document, width: width) {
            let isVerbatim = line.spans.contains { $0.roles.contains(.code) }
            #expect(isVerbatim || DisplayWidth.of(line.text) <= max(width, 2),
                    "round \(round), width \(width): \(DisplayWidth.of(line.text)) columns: \(line.text)")
            let forbidden = line.text.unicodeScalars.first {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            }
            #expect(forbidden == nil, "round \(round): U+\(String(forbidden?.value ?? 0, radix: 16)) in \(line.text)")
        }
    }
}
