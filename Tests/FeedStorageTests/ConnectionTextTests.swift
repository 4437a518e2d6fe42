import Foundation
import GRDB
@testable import FeedStorage
import Testing

@Suite("Text functions filters run in SQL")
struct ConnectionTextTests {
    let scratch: ScratchStore
    init() throws { scratch = try ScratchStore() }

    private func value<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments) throws -> T? {
        try scratch.store.read { db in try T.fetchOne(db, sql: sql, arguments: arguments) }
    }

    @Test("Folding lowers case and drops accents word by word, as the search index does, and keeps the rest")
    func folding() throws {
        let folded: String? = try value("SELECT qnread_fold(?)", ["« L’École de MONTRÉAL » : Ça commence, été 2026 !"])
        #expect(folded == "« l’ecole de montreal » : ca commence, ete 2026 !")
        // The same words the index holds: folding a title and searching its words agree.
        let feed = try scratch.store.findOrCreateFeed(url: "https://a.example/feed")
        try scratch.store.apply(.init(format: .rss20, items: [Samples.item("x", "Œuvres d’Hélène à Québec")]), to: feed.id, now: Clock.start)
        let title: String? = try value("SELECT qnread_fold(title) FROM article", [])
        #expect(title == "œuvres d’helene a quebec")
        #expect(try scratch.store.search("helene quebec").count == 1)
    }

    // fold goes character by character, remembering what the tokenizer makes of each: it must agree with the
    // tokenizer run over the whole text, whatever the text.
    @Test("Folding character by character agrees with the tokenizer over the whole text")
    func foldingAgrees() throws {
        let samples = [
            "« L’École de MONTRÉAL » : Ça commence, été 2026 !", "Œuvres d’Hélène", "QUÉBEC\u{301}ÉCOLE e\u{301}cole",
            "İstanbul ǅemal ß ẞ ﬁ Ⅻ ①", "Ελληνικά Русский 日本語 한국어 עברית العربية", "emoji 👩🏽‍💻 🇨🇦 ‼",
            "tab\tnew\nline\u{0}nul", "\u{200B}\u{200F}\u{2028}\u{FEFF}", "Ａｂｃ１２３", "ŒÆØÅÐÞ œæøåðþ",
        ]
        var random = SystemRandomNumberGenerator()
        let randomTexts = (0..<200).map { _ in
            String(String.UnicodeScalarView((0..<24).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0x20...0x2FFF, using: &random)) }))
        }
        try scratch.store.read { db in
            let text = try ConnectionText(db)
            for sample in samples + randomTexts {
                #expect(text.fold(sample) == text.tokenizerFold(sample), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("A regular expression matches folded text, escapes kept as written")
    func regularExpressions() throws {
        let cases: [(String, String, Bool)] = [
            ("^québec", "Québec numérique", true),
            ("^QUEBEC", "québec", true),
            (#"\Snumerique"#, "Québec numérique", false),
            (#"\bnumérique$"#, "Québec numérique", true),
            ("ete|hiver", "L’ÉTÉ indien", true),
            (#"\d{4}$"#, "Bilan de l’été 2026", true),
            (#"\p{Nd}"#, "Bilan de l’été", false),
        ]
        for (pattern, text, expected) in cases {
            let matched: Bool? = try value("SELECT qnread_regexp(?, ?)", [pattern, text])
            #expect(matched == expected, "\(pattern) on \(text)")
        }
    }

    // The classic catastrophic pattern: nested quantifiers on a text that almost matches.
    @Test("A pattern that backtracks without end is stopped with one line, not left to run")
    func catastrophicPattern() throws {
        let text = String(repeating: "a", count: 40) + "!"
        #expect {
            let _: Bool? = try value("SELECT qnread_regexp(?, ?)", ["^(a+)+$", text])
        } throws: { error in
            "\(error)".contains(#"filter: regular expression "^(a+)+$" takes too long on an article; make it simpler"#)
        }
    }

    @Test("A date reads as RFC 822 in GMT")
    func dateText() throws {
        let text: String? = try value("SELECT qnread_rfc822(?)", [1_764_590_400.0])
        #expect(text == "Mon, 01 Dec 2025 12:00:00 GMT")
    }
}
