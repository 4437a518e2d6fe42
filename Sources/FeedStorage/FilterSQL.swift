import FilterLanguage
import Foundation
import GRDB

/// A filter as one SQL condition over the aliases `a` (article), `s` (status) and `f` (feed): every value the
/// reader wrote is a bound argument, never SQL text. Text is folded by `qnread_fold` on both sides (the search
/// index's tokenizer), so comparisons ignore case and accents as search does.
struct FilterSQL {
    private(set) var sql = ""
    private(set) var arguments = StatementArguments()
    /// Whether the condition reads the article row; when not, status and feed rows are enough (counts skip it).
    private(set) var readsArticle = false
    /// `age` counts days back from here.
    private let now: Date

    init(_ expression: FilterExpression, now: Date) {
        self.now = now
        sql = node(expression.root)
    }

    private mutating func bind(_ value: any DatabaseValueConvertible) -> String {
        _ = arguments.append(contentsOf: [value])
        return "?"
    }

    /// `a and b and c` is one flat SQL AND, so a long chain never nests deeper than SQLite allows.
    private mutating func node(_ node: FilterNode) -> String {
        switch node {
        case .comparison(let comparison):
            return self.comparison(comparison)
        case .and:
            return "(" + chain(node, and: true).map { self.node($0) }.joined(separator: " AND ") + ")"
        case .or:
            return "(" + chain(node, and: false).map { self.node($0) }.joined(separator: " OR ") + ")"
        }
    }

    private func chain(_ node: FilterNode, and: Bool) -> [FilterNode] {
        switch node {
        case .and(let left, let right) where and: chain(left, and: true) + chain(right, and: true)
        case .or(let left, let right) where !and: chain(left, and: false) + chain(right, and: false)
        default: [node]
        }
    }

    /// `!=`, `!~` and `!#` are the negation of `=`, `=~` and `#`, whatever the attribute. A comparison on the feed
    /// alone is run once over the feed table, not once per article: `feedtitle =~ "québec"` folds 1,000 titles,
    /// not 100,000.
    private mutating func comparison(_ c: FilterComparison) -> String {
        if let positive = c.op.negated {
            var inner = c
            inner.op = positive
            return "NOT " + comparison(inner)
        }
        if Self.feedAttributes.contains(c.attribute) {
            return "s.feed_id IN (SELECT f.id FROM feed f WHERE \(articleComparison(c)))"
        }
        return articleComparison(c)
    }

    /// Attributes of the article's feed, the same for all its articles.
    private static let feedAttributes: Set<FilterAttribute> = [.feedtitle, .feedurl, .feedlink, .tags, .unreadCount, .totalCount]

    private mutating func articleComparison(_ c: FilterComparison) -> String {
        switch (c.attribute.kind, c.op, c.value) {
        case (.yesNo, .equals, .yes(let yes)):
            // 0 or 1 written out (a yes/no, never the reader's text), so SQLite may walk its unread or starred index.
            let column = c.attribute == .unread ? "s.is_read" : "s.is_starred"
            return "(\(column) = \((c.attribute == .unread ? !yes : yes) ? 1 : 0))"
        case (.number, _, .number(let number)) where c.op != .matches:
            return "(\(numberExpression(c.attribute)) \(c.op.rawValue) \(bind(number)))"
        case (.number, .between, .range(let low, let high)):
            return "(\(numberExpression(c.attribute)) BETWEEN \(bind(low)) AND \(bind(high)))"
        case (.date, _, .day(let day)):
            return dateComparison(c.op, day)
        case (_, _, .text(let text)) where c.attribute == .enclosureURL || c.attribute == .enclosureType:
            // Any of the enclosures, or "" when there is none (newsboat's single enclosure, generalized).
            readsArticle = true
            let key = c.attribute == .enclosureURL ? "$.url" : "$.type"
            return "EXISTS (SELECT 1 FROM (SELECT coalesce(json_extract(e.value, '\(key)'), '') AS v FROM json_each(a.enclosures) AS e "
                + "UNION ALL SELECT '' WHERE a.enclosures IS NULL) WHERE \(textComparison(c.op, "v", text)))"
        case (_, .contains, .text(let text)) where c.attribute == .tags:
            return "EXISTS (SELECT 1 FROM feed_tag t WHERE t.feed_id = f.id AND qnread_fold(t.tag) = qnread_fold(\(bind(text))))"
        case (_, _, .text(let text)):
            return textComparison(c.op, textExpression(c.attribute), text)
        default:
            // FilterParser only builds the pairs above; an impossible one matches nothing rather than crashing.
            return "0"
        }
    }

    /// `=`, `=~` (a substring test when the pattern has no metacharacter) and `#` (one space-separated word).
    private mutating func textComparison(_ op: FilterOperator, _ expression: String, _ text: String) -> String {
        switch op {
        case .matches:
            if let literal = FilterRegex.literal(of: text) {
                return "(instr(qnread_fold(\(expression)), qnread_fold(\(bind(literal)))) > 0)"
            }
            // The pattern first: its argument is bound before any the expression binds.
            let pattern = bind(text)
            return "qnread_regexp(\(pattern), \(expression))"
        case .contains:
            return "(instr(' ' || qnread_fold(\(expression)) || ' ', ' ' || qnread_fold(\(bind(text))) || ' ') > 0)"
        default:
            return "(qnread_fold(\(expression)) = qnread_fold(\(bind(text))))"
        }
    }

    /// The attribute as text; `age`'s `now` is bound where it appears.
    private mutating func textExpression(_ attribute: FilterAttribute) -> String {
        switch attribute {
        case .title, .link, .author, .content, .guid, .enclosureURL, .enclosureType: readsArticle = true
        default: break
        }
        switch attribute {
        case .title: return "a.title"
        case .link: return "coalesce(a.link, '')"
        case .author: return "replace(coalesce(a.authors, ''), char(10), ', ')"
        // The body as the search index reads it (StoreSchema's article_search_source).
        case .content: return "qnread_plain_text(coalesce(a.content_html, a.summary_html, ''))"
        // The key without its kind (ArticleKey: "id:…", "link:…", "hash:…"): the entry's id, else its link.
        case .guid: return "substr(a.key, instr(a.key, ':') + 1)"
        case .flags, .enclosureURL, .enclosureType: return "''"
        case .feedtitle: return "coalesce(f.custom_title, f.title, f.url)"
        case .feedurl: return "f.url"
        case .feedlink: return "coalesce(f.site_link, '')"
        case .tags: return "(SELECT coalesce(group_concat(t.tag, ' '), '') FROM feed_tag t WHERE t.feed_id = f.id)"
        case .unread: return "(CASE WHEN s.is_read THEN 'no' ELSE 'yes' END)"
        case .starred: return "(CASE WHEN s.is_starred THEN 'yes' ELSE 'no' END)"
        case .date: return "qnread_rfc822(s.sort_date)"
        case .age, .unreadCount, .totalCount: return "CAST(\(numberExpression(attribute)) AS TEXT)"
        }
    }

    /// `age` is newsboat's `(now - date) / 86400` in whole days, cut toward zero as C's division cuts. The dates
    /// are the status row's copy: the article's own comes after its HTML in the row.
    private mutating func numberExpression(_ attribute: FilterAttribute) -> String {
        switch attribute {
        case .unreadCount: return "f.unread_count"
        case .totalCount: return "f.article_count"
        default: return "CAST((\(bind(now.timeIntervalSince1970)) - s.sort_date) / 86400 AS INTEGER)"
        }
    }

    /// Days are UTC: `date = "2026-01-15"` is that day's 86,400 seconds.
    private mutating func dateComparison(_ op: FilterOperator, _ day: Date) -> String {
        let start = day.timeIntervalSince1970, end = start + 86_400
        switch op {
        case .less: return "(s.sort_date < \(bind(start)))"
        case .lessOrEqual: return "(s.sort_date < \(bind(end)))"
        case .greater: return "(s.sort_date >= \(bind(end)))"
        case .greaterOrEqual: return "(s.sort_date >= \(bind(start)))"
        default: return "(s.sort_date >= \(bind(start)) AND s.sort_date < \(bind(end)))"
        }
    }
}
