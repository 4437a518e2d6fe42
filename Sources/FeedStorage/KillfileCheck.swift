import FeedModel
import FilterLanguage
import Foundation
import GRDB

/// The one check every article entering the store passes (ArticleWriter runs it on each insert and rewrite, so a
/// reload, an import and any future sync path apply the same killfile): is it killed, and then is it dropped
/// (`download`) or stored hidden (`display`)? The article is not stored yet, so the killfile's condition runs on a
/// one-row table made of its values, beside its feed's real row: the same SQL, hence the same answers, as the
/// condition that hides stored articles.
struct KillfileCheck {
    enum Verdict: Equatable {
        case keep, hide, drop
    }

    private let mode: Killfile.Mode
    private let statement: Statement
    private let conditionArguments: StatementArguments

    /// Nil when the store's killfile has no rule: nothing to check.
    init?(_ db: Database, killfile: Killfile, now: Date) throws {
        guard !killfile.isEmpty else { return nil }
        mode = killfile.mode
        let condition = KillfileSQL(killfile, now: now)
        statement = try db.makeStatement(sql: """
            SELECT EXISTS (SELECT 1
                FROM (SELECT ? AS title, ? AS link, ? AS authors, ? AS summary_html, ? AS content_html, ? AS key,
                             ? AS enclosures) AS a,
                     (SELECT ? AS feed_id, ? AS sort_date, ? AS is_read, ? AS is_starred) AS s
                JOIN feed f ON f.id = s.feed_id
                WHERE \(condition.sql))
            """)
        conditionArguments = condition.arguments
    }

    /// What becomes of `candidate`, an article of `feed` dated `sortDate`: a new one (`isNew`) that a `download`
    /// killfile kills is dropped; any other killed article is stored hidden.
    func verdict(_ candidate: ArticleCandidate, feed: FeedID, sortDate: Double, isNew: Bool,
                 isRead: Bool = false, isStarred: Bool = false) throws -> Verdict {
        var arguments: StatementArguments = [
            candidate.title, candidate.link, StoredValues.lines(candidate.authors), candidate.summaryHTML,
            candidate.contentHTML, candidate.key, StoredValues.json(candidate.enclosures),
            feed.rawValue, sortDate, isRead, isStarred,
        ]
        _ = arguments.append(contentsOf: conditionArguments)
        guard try Bool.fetchOne(statement, arguments: arguments) == true else { return .keep }
        return isNew && mode == .download ? .drop : .hide
    }
}
