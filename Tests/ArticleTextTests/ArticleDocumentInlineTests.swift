import ArticleText
import Foundation
import Testing

@Test("Inline marks: strong, emphasis, code, underline, strike, and nested marks")
func inlineMarks() {
    let doc = read("<p><strong>gras</strong> <em>italique</em> <code>x = 1</code> <u>souligné</u> <s>barré</s> <b><i>les deux</i></b></p>")
    #expect(doc.blocks == [.paragraph([
        .text("gras", .strong), plain(" "), .text("italique", .emphasis), plain(" "), .text("x = 1", .code),
        plain(" "), .text("souligné", .underline), plain(" "), .text("barré", .strike), plain(" "),
        .text("les deux", [.strong, .emphasis]),
    ])])
}

@Test("A link's text is marked and followed by its number")
func linkNumber() {
    let doc = read("<p>Voir <a href=\"https://webaquebec.org/\">le site du WAQ</a>.</p>")
    #expect(doc.blocks == [.paragraph([plain("Voir "), .text("le site du WAQ", .link), .linkReference(1), plain(".")])])
    #expect(doc.links == [ArticleLink(number: 1, url: "https://webaquebec.org/", kind: .link)])
}

@Test("Links with the same URL share one number")
func sharedLinkNumbers() {
    let doc = read("""
        <p><a href="https://hub.qc.ca/">Hub</a>, <a href="/contact">contact</a>,
        <a href="https://hub.qc.ca/">encore le Hub</a></p>
        """)
    #expect(doc.links.map(\.number) == [1, 2])
    let references = doc.blocks.flatMap { block -> [Int] in
        guard case .paragraph(let inlines) = block else { return [] }
        return inlines.compactMap { if case .linkReference(let n) = $0 { n } else { nil } }
    }
    #expect(references == [1, 2, 1])
}

@Test("Relative URLs are resolved against the article's link")
func relativeURLs() {
    let doc = read("<p><a href=\"../ateliers/\">a</a> <a href=\"/racine\">b</a> <img src=\"img/photo.png\" alt=\"c\"></p>")
    #expect(doc.links.map(\.url) == [
        "https://exemple.qc.ca/ateliers/", "https://exemple.qc.ca/racine", "https://exemple.qc.ca/blogue/img/photo.png",
    ])
}

@Test("Relative URLs with accents, spaces or a pipe are resolved too, percent-encoded")
func relativeURLsWithRawCharacters() {
    // libxml2's xmlBuildURI refused these, and they stayed relative in the pager.
    let doc = read("<p><a href=\"/café page\">a</a> <a href=\"/a|b\">b</a> <a href=\"../x?q=a b\">c</a></p>")
    #expect(doc.links.map(\.url) == [
        "https://exemple.qc.ca/caf%C3%A9%20page", "https://exemple.qc.ca/a%7Cb", "https://exemple.qc.ca/x?q=a%20b",
    ])
}

@Test("Anchors inside the page and javascript: links get no number")
func unusableLinks() {
    let doc = read("<p><a href=\"#note\">note</a> <a href=\"javascript:void(0)\">clic</a></p>")
    #expect(doc.links.isEmpty)
    #expect(doc.blocks == [.paragraph([plain("note clic")])])
}

@Test("Images become media with their alt text; tracking pixels are dropped")
func images() {
    let doc = read("""
        <p><img src="a.jpg" alt="Le Hub"> <img src="b.jpg"> <img src="https://suivi.net/p.gif" width="1" height="1"></p>
        """)
    #expect(doc.blocks == [.paragraph([
        .media(ArticleMedia(kind: .image, label: "Le Hub", number: 1)), plain(" "),
        .media(ArticleMedia(kind: .image, label: nil, number: 2)),
    ])])
    #expect(doc.links.map(\.kind) == [.image, .image])
}

@Test("iframes and video become video entries, audio and podcast players audio entries")
func media() {
    let doc = read("""
        <iframe src="https://www.youtube.com/embed/abc" title="Allocution de la ministre"></iframe>
        <video><source src="/clips/soiree.mp4"></video>
        <audio src="episode.mp3"></audio>
        <iframe src="https://w.soundcloud.com/player/?url=x"></iframe>
        """)
    #expect(doc.links == [
        ArticleLink(number: 1, url: "https://www.youtube.com/embed/abc", kind: .video),
        ArticleLink(number: 2, url: "https://exemple.qc.ca/clips/soiree.mp4", kind: .video),
        ArticleLink(number: 3, url: "https://exemple.qc.ca/blogue/episode.mp3", kind: .audio),
        ArticleLink(number: 4, url: "https://w.soundcloud.com/player/?url=x", kind: .audio),
    ])
    guard case .paragraph(let inlines)? = doc.blocks.first, case .media(let first)? = inlines.first else {
        Issue.record("no media paragraph: \(doc.blocks)"); return
    }
    #expect(first == ArticleMedia(kind: .video, label: "Allocution de la ministre", number: 1))
}

@Test("q is set in French quotation marks with no-break spaces")
func inlineQuote() {
    let doc = read("<p>Elle a dit <q>merci</q>.</p>")
    #expect(doc.blocks == [.paragraph([plain("Elle a dit «\u{00A0}merci\u{00A0}».")])])
}
