import Foundation
import Testing
@testable import FilterLanguage

/// A tree written short: `c("title", .matches, .text("x"))`, columns ignored.
private indirect enum Shape: Equatable {
    case c(FilterAttribute, FilterOperator, FilterValue)
    case and(Shape, Shape)
    case or(Shape, Shape)

    init(_ node: FilterNode) {
        switch node {
        case .comparison(let c): self = .c(c.attribute, c.op, c.value)
        case .and(let l, let r): self = .and(Shape(l), Shape(r))
        case .or(let l, let r): self = .or(Shape(l), Shape(r))
        }
    }
}

private func shape(_ text: String) throws -> Shape { Shape(try FilterExpression(parsing: text).root) }

private func failure(_ text: String) -> String? {
    do {
        _ = try FilterExpression(parsing: text)
        return nil
    } catch {
        return error.description
    }
}

@Suite("The filter language, as newsboat's documentation writes it")
struct FilterParserTests {
    // Every example of newsboat's "Filter Language", "Query Feeds" and "Killfiles" chapters that names article
    // attributes, parsed into the tree newsboat builds for it.
    @Test("newsboat's documented examples parse", arguments: [
        "unread_count > 0",
        #"rssurl =~ "^https:""#,
        "age between 0:10",
        "( unread_count > 0 and unread_count < 10 ) or total_count > 100",
        #"( author =~ "Frank" or author =~ "John" ) and ( title =~ "Linux" or title =~ "FreeBSD" )"#,
        #"unread = "yes""#,
        #"tags # "tag1""#,
        #"title =~ "newsboat""#,
        #"title =~ "^RT by""#,
        #"author =~ "Andreas Krennmair""#,
    ])
    func documentedExamples(text: String) throws {
        _ = try FilterExpression(parsing: text)
    }

    @Test("Comparisons read into attribute, operator and typed value")
    func comparisons() throws {
        #expect(try shape("age between 10:0") == .c(.age, .between, .range(0, 10)))
        #expect(try shape("age between -100:-1") == .c(.age, .between, .range(-100, -1)))
        #expect(try shape(#"unread = "yes""#) == .c(.unread, .equals, .yes(true)))
        #expect(try shape(#"starred == "NO""#) == .c(.starred, .equals, .yes(false)))
        #expect(try shape(#"rssurl =~ "^https:""#) == .c(.feedurl, .matches, .text("^https:")))
        #expect(try shape(#"age < "7""#) == .c(.age, .less, .number(7)))
        #expect(try shape(#"date >= "2026-01-15""#) == .c(.date, .greaterOrEqual, .day(Date(timeIntervalSince1970: 1_768_435_200))))
        #expect(try shape("title = 42") == .c(.title, .equals, .text("42")))
        #expect(try shape("title==\"\"") == .c(.title, .equals, .text("")))
        #expect(try shape(#"tags !# "balado""#) == .c(.tags, .notContains, .text("balado")))
    }

    // newsboat's parser tests: `and` and `or` bind alike and group to the right.
    @Test("and and or have one precedence and group to the right, as in newsboat")
    func precedence() throws {
        let a = Shape.c(.title, .equals, .text("b")), b = Shape.c(.author, .equals, .text("c")),
            c = Shape.c(.link, .equals, .text("d"))
        #expect(try shape(#"title = "b" and author = "c" or link = "d""#) == .and(a, .or(b, c)))
        #expect(try shape(#"title = "b" or author = "c" and link = "d""#) == .or(a, .and(b, c)))
        #expect(try shape(#"(title = "b" or author = "c") and link = "d""#) == .and(.or(a, b), c))
        #expect(try shape(#"title="b"and(author="c")"#) == .and(a, b))
        #expect(try shape(#"title = "b"and author = "c""#) == .and(a, b))
        #expect(try shape(#"((title = "b"))"#) == a)
        #expect(try shape(#"   title   =   "b"   "#) == a)
        #expect(try shape(#"title = "b" AND author = "c""#) == .and(a, b))
    }

    @Test("French values keep their accents and « guillemets »; \\\" and \\\\ are undone outside regular expressions")
    func frenchValues() throws {
        #expect(try shape(#"feedtitle = "« Web à Québec »""#) == .c(.feedtitle, .equals, .text("« Web à Québec »")))
        #expect(try shape(#"title = "L’été \"chaud\" \\ ou pas""#) == .c(.title, .equals, .text(#"L’été "chaud" \ ou pas"#)))
        #expect(try shape(#"author =~ "\\s*Tremblay$""#) == .c(.author, .matches, .text(#"\\s*Tremblay$"#)))
        #expect(try shape(#"author =~ "\s*Tremblay$""#) == .c(.author, .matches, .text(#"\s*Tremblay$"#)))
    }

    // The positions of newsboat's own error tests, as 1-based columns, and the reason in words.
    @Test("Each mistake is one line with its column", arguments: [
        (#"titel = "x""#, #"filter: column 1: unknown attribute "titel""#),
        (#"unread = "yes" and titel = "x""#, #"filter: column 20: unknown attribute "titel""#),
        (#"title =¯ "foo""#, #"filter: column 8: expected a value (a "quoted string", a number or a range such as 0:10), not "¯ "foo"""#),
        (#"title = "b"#, "filter: column 9: the quote opened here is never closed"),
        ("title = b", #"filter: column 9: expected a value (a "quoted string", a number or a range such as 0:10), not "b""#),
        (#"title !! "b""#, #"filter: column 7: expected an operator after title (=, !=, =~, !~, #, !#, <, >, <=, >=, between), not "!! "b"""#),
        (#"((title="b")))"#, #"filter: column 14: expected "and", "or" or the end of the filter, not ")""#),
        ("age between 0:15:30", #"filter: column 17: expected "and", "or" or the end of the filter, not ":30""#),
        ("age = 42andy=0", #"filter: column 9: expected "and", "or" or the end of the filter, not "andy=0""#),
        ("=!", #"filter: column 1: expected an attribute name such as title or unread, not "=!""#),
        ("", "filter: column 1: empty filter"),
        (#"(title = "x""#, "filter: column 1: the parenthesis opened here is never closed"),
        (#"title < "x""#, "filter: column 7: title does not take < (it takes = != =~ !~ # !#)"),
        (#"unread = "oui""#, #"filter: column 10: unread is "yes" or "no", not "oui""#),
        (#"age > "sept""#, #"filter: column 7: age compares with a whole number, not "sept""#),
        (#"date < "2026-02-30""#, #"filter: column 8: date compares with a day written YYYY-MM-DD, not "2026-02-30""#),
        ("age = 0:10", "filter: column 7: a range such as 0:10 goes with between, not ="),
        (#"age between "x""#, "filter: column 13: between needs a range of whole numbers, such as 0:10"),
        (#"articleindex > 3"#, #"filter: column 1: newsboat's attribute "articleindex" is not supported by qnread"#),
        (#"title =~ "(""#, #"filter: column 10: not a valid regular expression: "(""#),
        ("age > 99999999999999999999", "filter: column 7: number too large: 99999999999999999999"),
        ("title = \"a\u{0}b\"", "filter: column 11: control character U+0000 in the filter"),
    ])
    func mistakes(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test("Hostile filters end in one clear line: SQL-looking text is only text, huge and deep ones are refused")
    func hostile() throws {
        #expect(try shape(#"title = "x'); DROP TABLE article; --""#) == .c(.title, .equals, .text("x'); DROP TABLE article; --")))
        let huge = "title =~ \"" + String(repeating: "(a|b)*", count: 1_707) + "\""
        #expect(failure(huge) == "filter: column 1: filter too long (10253 characters; at most 4000)")
        let longRegex = "title =~ \"" + String(repeating: "é", count: 1_200) + "\""
        #expect(failure(longRegex) == "filter: column 10: regular expression too long (1200 characters; at most 1000)")
        let deep = String(repeating: "(", count: 40) + #"title = "x""# + String(repeating: ")", count: 40)
        #expect(failure(deep) == "filter: column 33: too many nested parentheses (at most 32)")
        let many = Array(repeating: #"title = "x""#, count: 120).joined(separator: " or ")
        #expect(failure(many) == "filter: column 1501: too many comparisons (at most 100)")
        for text in [#"title = "\""#, "\\\\\\", #""""""#, "(((", ")))", "and or", "title ="] {
            #expect(failure(text)?.hasPrefix("filter: column ") == true, "\(text)")
        }
    }
}
