import Foundation
import ReaderCore
import ScreenKit
import Testing

// The whole French article, laid out, compared with text files kept beside this test.
// `UPDATE_GOLDEN=1 swift test --filter ArticleGoldenTests` rewrites them; read the diff before committing.
@Test("The French article lays out exactly as its golden file", arguments: [40, 72, 120])
func frenchArticleGolden(width: Int) throws {
    let text = FrenchArticle.page(width: width).map(\.text).joined(separator: "\n") + "\n"
    let name = "soiree-accessibilite-\(width)"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/\(name).txt")
        try text.write(to: source, atomically: true, encoding: .utf8)
        return
    }
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/golden"),
                           "missing golden \(name).txt: run with UPDATE_GOLDEN=1")
    let golden = try String(contentsOf: url, encoding: .utf8)
    if text != golden {
        let mine = text.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, theirs.count)
        Issue.record("""
            \(name): line \(first + 1) differs
            got:      \(first < mine.count ? String(mine[first]) : "<end>")
            expected: \(first < theirs.count ? String(theirs[first]) : "<end>")
            """)
    }
}

@Test("At every width from 20 to 100 no line starts with » : ; ! ? and none ends with «")
func frenchNoBreakProperty() {
    for width in 20...100 {
        for line in FrenchArticle.page(width: width).map(\.text) {
            let trimmed = line.drop { $0 == " " || $0 == "│" }
            if let first = trimmed.first {
                #expect(!["»", ":", ";", "!", "?"].contains(first), "width \(width): \(line)")
            }
            #expect(!line.hasSuffix("«"), "width \(width): \(line)")
            #expect(!line.hasSuffix(" "), "width \(width): trailing space in \(line)")
        }
    }
}

@Test("At every width from 20 to 100 every line fits, except verbatim pre lines")
func everyLineFits() {
    let preLines = Set(FrenchArticle.html.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "<pre><code>", with: "")
        .replacingOccurrences(of: "</code></pre>", with: "") })
    for width in 20...100 {
        for line in FrenchArticle.page(width: width) where DisplayWidth.of(line.text) > width {
            #expect(line.spans.allSatisfy { $0.roles.contains(.code) } && preLines.contains(line.text),
                    "width \(width): \(DisplayWidth.of(line.text)) columns: \(line.text)")
        }
    }
}

@Test("Nothing of the article is lost when lines are joined back, and nothing hidden shows")
func nothingLost() {
    for width in [24, 33, 57] {
        let joined = FrenchArticle.page(width: width).map(\.text).joined(separator: "\n")
            .replacingOccurrences(of: "-\n", with: "-").replacingOccurrences(of: "/\n", with: "/")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        for phrase in ["Hub de Saint-Roch[1]", "près d’une personne sur cinq", "un rapport de contraste d’au moins 4,5\u{00A0}pour\u{00A0}1",
                       "[image: La salle comble du Hub pendant la première présentation][3]",
                       "On se revoit en décembre\u{00A0}!", "[vidéo: Les lecteurs d’écran au quotidien][7]", "[audio][8]"] {
            #expect(joined.contains(phrase), "width \(width): \(phrase) missing")
        }
        // Only a word longer than the line is cut without a hyphen or slash, and at 24 columns this URL has one.
        if width > 24 {
            #expect(joined.contains("https://donnees.example.qc.ca/accessibilite/rapports/2025/etude-des-sites-web-quebecois"))
        }
        #expect(!joined.contains("ne jamais afficher"))  // the script
        #expect(!joined.contains("carrousel"))  // noscript
        #expect(!joined.contains("pixel.gif"))  // the tracking pixel
    }
}
