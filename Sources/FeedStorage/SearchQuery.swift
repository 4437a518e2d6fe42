import FeedModel
import FeedParsing
import Foundation
import Localization
import TextSafety

/// Why a search could not run, in words a reader can act on, said in the program's language where it is shown
/// (`text(in:)`). Never an SQL error.
public struct SearchQueryError: Error, Hashable, Sendable, CustomStringConvertible, MessageArgument {
    public var words: Words
    public init(_ messageID: String, _ arguments: String...) { words = Words(messageID, arguments: arguments.map(Words.Argument.text)) }
    /// In English.
    public var message: String { words.description }
    public var description: String { message }
    public func text(in catalogue: Catalogue) -> String { words.text(in: catalogue) }
}

/// What narrows a search beyond its words. Set by the caller, or by `feed:`, `tag:`, `is:` … in the query.
public struct SearchFilter: Hashable, Sendable {
    public var feed: FeedID?
    /// A feed named by its URL (`feed:URL` in a query, `--feed URL` on the command line).
    public var feedURL: String?
    public var tag: String?
    public var unreadOnly: Bool
    public var starredOnly: Bool
    /// Articles dated at or after this instant.
    public var since: Date?
    /// Articles dated before this instant.
    public var until: Date?

    public init(feed: FeedID? = nil, feedURL: String? = nil, tag: String? = nil, unreadOnly: Bool = false,
                starredOnly: Bool = false, since: Date? = nil, until: Date? = nil) {
        self.feed = feed
        self.feedURL = feedURL
        self.tag = tag
        self.unreadOnly = unreadOnly
        self.starredOnly = starredOnly
        self.since = since
        self.until = until
    }

    /// Whether it narrows nothing: a search then needs words.
    public var isEmpty: Bool { self == SearchFilter() }
}

/// A search as the reader typed it, parsed:
/// `québec numéri* "logiciel libre" -emploi tag:montréal is:unread after:2026-01-01 before:2026-02-01`.
/// Words must all match (accents and case ignored), `mot*` is a prefix, quotes (or « ») make a phrase,
/// a leading `-` excludes. Filters alone (`tag:balado is:unread`) list what they keep, newest first.
public struct SearchQuery: Hashable, Sendable {
    public struct Term: Hashable, Sendable {
        /// The word or phrase as typed (without its quotes, `-` or `*`).
        public var text: String
        public var isPrefix: Bool
        public var isExcluded: Bool

        public init(_ text: String, isPrefix: Bool = false, isExcluded: Bool = false) {
            self.text = text
            self.isPrefix = isPrefix
            self.isExcluded = isExcluded
        }
    }

    public var terms: [Term]
    public var filter: SearchFilter

    /// Beyond this, a query is refused rather than left to run for seconds.
    public static let maximumTerms = 32

    public init(terms: [Term], filter: SearchFilter = SearchFilter()) throws(SearchQueryError) {
        guard !terms.isEmpty || !filter.isEmpty else { throw SearchQueryError(N_("empty search: type at least one word")) }
        guard terms.count <= Self.maximumTerms else {
            throw SearchQueryError(N_("search too long: at most %s words"), String(Self.maximumTerms))
        }
        guard terms.isEmpty || terms.contains(where: { !$0.isExcluded }) else {
            throw SearchQueryError(N_("a search cannot only exclude words: add a word to look for"))
        }
        self.terms = terms
        self.filter = filter
    }

    /// Parses what the reader typed; `filter` is the starting point the query's own filters add to. Control and
    /// bidi characters are dropped first (tabs and line breaks become spaces): FTS5 reads its query as a C string,
    /// so a NUL inside a quoted term left it unterminated, and the rest match nothing the index holds anyway.
    public init(parsing text: String, filter: SearchFilter = SearchFilter()) throws(SearchQueryError) {
        var parser = SearchQueryParser(text: SafeText.line(text), filter: filter)
        try parser.parse()
        try self.init(terms: parser.terms, filter: parser.filter)
    }

    /// Whether it has words to match; without, it is its filters alone.
    var hasWords: Bool { !terms.isEmpty }

    /// The FTS5 MATCH expression (only when `hasWords`). Every term is a quoted FTS5 string, so nothing the reader typed is ever
    /// read as FTS5 syntax, and the expression is always bound as a parameter, never spliced into SQL.
    var matchExpression: String { matchExpression(expanding: [:]) }

    /// The MATCH expression with each prefix term found in `words` (its text → the indexed words it stands for,
    /// PrefixExpansion) written as those words joined by OR: the same articles match.
    func matchExpression(expanding words: [String: [String]]) -> String {
        let term = { (term: Term) -> String in
            guard term.isPrefix, let words = words[term.text], !words.isEmpty else { return Self.ftsString(term) }
            return "(" + words.map { Self.ftsString(Term($0)) }.joined(separator: " OR ") + ")"
        }
        let wanted = terms.filter { !$0.isExcluded }.map(term)
        let unwanted = terms.filter(\.isExcluded).map(term)
        var expression = "(" + wanted.joined(separator: " AND ") + ")"
        for term in unwanted { expression += " NOT " + term }
        return expression
    }

    /// How many terms of the MATCH expression can occur in a match (SearchRank): excluded ones cannot, and a prefix
    /// written as its words (`expanding`) counts each of them.
    func positiveTermCount(expanding words: [String: [String]]) -> Int {
        terms.filter { !$0.isExcluded }.reduce(0) { count, term in
            count + (term.isPrefix ? max(1, words[term.text]?.count ?? 1) : 1)
        }
    }

    /// Quotes are doubled scalar by scalar: a quote followed by a combining mark is one Character, which a
    /// Character-wise replace passes over, and FTS5 then read an unterminated string.
    private static func ftsString(_ term: Term) -> String {
        var quoted = String.UnicodeScalarView()
        for scalar in term.text.unicodeScalars {
            if scalar == "\"" { quoted.append(scalar) }
            quoted.append(scalar)
        }
        return "\"" + String(quoted) + "\"" + (term.isPrefix ? "*" : "")
    }
}

/// Reads a query left to right. Separate from `SearchQuery` so the value stays a plain value.
private struct SearchQueryParser {
    var text: Substring
    var filter: SearchFilter
    var terms: [SearchQuery.Term] = []

    init(text: String, filter: SearchFilter) {
        self.text = Substring(text)
        self.filter = filter
    }

    private static let closingQuote: [Character: Character] = ["\"": "\"", "«": "»", "“": "”"]

    mutating func parse() throws(SearchQueryError) {
        while true {
            text = text.drop(while: \.isWhitespace)
            guard let first = text.first else { return }
            var isExcluded = false
            if first == "-", let next = text.dropFirst().first, !next.isWhitespace {
                isExcluded = true
                text = text.dropFirst()
            }
            if let opening = text.first, let closing = Self.closingQuote[opening] {
                try readPhrase(opening: opening, closing: closing, isExcluded: isExcluded)
            } else {
                try readWord(isExcluded: isExcluded)
            }
        }
    }

    private mutating func readPhrase(opening: Character, closing: Character, isExcluded: Bool) throws(SearchQueryError) {
        let body = text.dropFirst()
        guard let end = body.firstIndex(of: closing) else {
            throw SearchQueryError(N_("unbalanced quote in search: %s has no closing %s"), "\(opening)\(body)", String(closing))
        }
        let phrase = body[..<end].trimmingCharacters(in: .whitespaces)
        text = body[body.index(after: end)...]
        var isPrefix = false
        if text.first == "*" {
            isPrefix = true
            text = text.dropFirst()
        }
        guard Self.hasWordCharacters(phrase) else {
            throw SearchQueryError(N_("empty phrase in search: %s"), "\(opening)\(body[..<end])\(closing)")
        }
        terms.append(SearchQuery.Term(phrase, isPrefix: isPrefix, isExcluded: isExcluded))
    }

    private mutating func readWord(isExcluded: Bool) throws(SearchQueryError) {
        let end = text.firstIndex(where: { $0.isWhitespace || Self.closingQuote[$0] != nil }) ?? text.endIndex
        var word = String(text[..<end])
        text = text[end...]
        if !isExcluded, try applyFilter(word) { return }
        var isPrefix = false
        if word.hasSuffix("*") {
            isPrefix = true
            word = String(word.reversed().drop(while: { $0 == "*" }).reversed())
            guard Self.hasWordCharacters(word) else {
                throw SearchQueryError(N_("a prefix needs letters before its *: %s*"), word)
            }
        }
        // Lone punctuation (« — », a stray dash) matches nothing in the index: skip it.
        guard Self.hasWordCharacters(word) else { return }
        terms.append(SearchQuery.Term(word, isPrefix: isPrefix, isExcluded: isExcluded))
    }

    /// `feed:URL`, `tag:NAME`, `is:unread`, `is:starred`, `after:YYYY-MM-DD`, `before:YYYY-MM-DD`.
    private mutating func applyFilter(_ word: String) throws(SearchQueryError) -> Bool {
        guard let colon = word.firstIndex(of: ":") else { return false }
        let key = word[..<colon].lowercased()
        let value = String(word[word.index(after: colon)...])
        switch key {
        case "feed":
            guard !value.isEmpty else { throw SearchQueryError(N_("feed: needs a feed URL, as in feed:https://…")) }
            filter.feedURL = value
        case "tag":
            guard !value.isEmpty else { throw SearchQueryError(N_("tag: needs a tag, as in tag:montréal")) }
            filter.tag = value
        case "is":
            switch value.lowercased() {
            case "unread": filter.unreadOnly = true
            case "starred": filter.starredOnly = true
            default: throw SearchQueryError(N_("unknown filter is:%s (use is:unread or is:starred)"), value)
            }
        case "after", "since":
            filter.since = try Self.day(value, filter: String(key))
        case "before", "until":
            filter.until = try Self.day(value, filter: String(key))
        default:
            return false
        }
        return true
    }

    /// Midnight UTC of a `YYYY-MM-DD` day that exists (FeedDate.day: no 31 February).
    private static func day(_ value: String, filter: String) throws(SearchQueryError) -> Date {
        guard let date = FeedDate.day(value) else { throw SearchQueryError(N_("bad date in %s:%s (use YYYY-MM-DD)"), filter, value) }
        return date
    }

    private static func hasWordCharacters(_ text: some StringProtocol) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }
}
