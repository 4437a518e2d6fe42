import ArticleText
import Foundation
import ReaderCore
import ScreenKit

/// The long French article written for these tests (Fixtures/soiree-accessibilite.html): accents, « »,
/// ’, no-break spaces before : ; ! ?, links (one repeated, some relative), images, a tracking pixel, a video,
/// a podcast, lists, quotes, a table, pre, a figure and a definition list.
enum FrenchArticle {
    static let baseURL = URL(string: "https://webaquebec.example.org/2025/11/soiree-accessibilite/")!

    static let html: String = {
        let url = Bundle.module.url(forResource: "soiree-accessibilite", withExtension: "html", subdirectory: "Fixtures")!
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    static let document = ArticleDocument(html: html, baseURL: baseURL)

    static let header = ArticleHeader(
        title: document.title ?? "",
        feed: "Web à Québec",
        author: "Marie-Ève Tremblay",
        date: "19 novembre 2025, 9 h 30",
        link: baseURL.absoluteString)

    static func page(width: Int) -> [StyledLine] {
        ArticleLayout.page(header: header, document: document, width: width)
    }
}
