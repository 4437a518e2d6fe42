import FeedModel
import FilterLanguage
import Foundation
import GRDB

// The killfile (config.toml's `ignore_mode` and `[[ignore]]`, newsboat's ignore-article) lives in the store: the
// process that read config.toml hands it over once (`useKillfile`), and every article stored afterwards, by any
// process, is checked against it (KillfileCheck). A hidden article keeps its row but has `is_ignored` set: the count
// triggers leave it out, and every list, count and search skips it.

extension FeedStore {
    /// Makes `killfile` the store's: articles stored from now on are checked against it, and the stored articles it
    /// matches are hidden (those it no longer matches come back), whichever the mode: `download` only decides that
    /// new matches are not stored at all. When the old killfile dropped articles (`download`), the feeds' validators
    /// are forgotten, so the next reload reads every feed whole and brings in what the new rules let through. A store
    /// that already has this killfile costs one read. Returns how many articles were hidden or shown again.
    @discardableResult
    public func useKillfile(_ killfile: Killfile) throws -> Int {
        let old = try read { try Self.storedKillfile($0) }
        if old == killfile { return 0 }
        return try write { db in
            if old.mode == .download && !old.isEmpty {
                try db.execute(sql: "UPDATE feed SET etag = NULL, last_modified = NULL, body_hash = NULL")
            }
            try db.execute(sql: "DELETE FROM killfile_rule")
            for (position, rule) in killfile.rules.enumerated() {
                try db.execute(sql: "INSERT INTO killfile_rule(position, feed, filter) VALUES (?, ?, ?)",
                               arguments: [position, rule.feed, rule.filter.text])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO store_setting(key, value) VALUES ('ignore_mode', ?)",
                           arguments: [killfile.mode.rawValue])
            return try Self.rehide(db, by: killfile, now: clock())
        }
    }

    /// The killfile the store was last given (`useKillfile`); an empty one before that.
    public func killfile() throws -> Killfile {
        try read { try Self.storedKillfile($0) }
    }

    static func storedKillfile(_ db: Database) throws -> Killfile {
        let mode = try String.fetchOne(db, sql: "SELECT value FROM store_setting WHERE key = 'ignore_mode'")
            .flatMap(Killfile.Mode.init(rawValue:)) ?? .download
        // A rule a later qnread wrote in a syntax this one cannot read is left out, never a failure.
        let rules = try Row.fetchAll(db, sql: "SELECT feed, filter FROM killfile_rule ORDER BY position").compactMap { row in
            (try? FilterExpression(parsing: row[1])).map { Killfile.Rule(feed: row[0], filter: $0) }
        }
        return Killfile(mode: mode, rules: rules)
    }

    /// Sets `is_ignored` on every stored article to whether `killfile` matches it; returns how many changed.
    private static func rehide(_ db: Database, by killfile: Killfile, now: Date) throws -> Int {
        guard !killfile.isEmpty else {
            try db.execute(sql: "UPDATE status SET is_ignored = 0 WHERE is_ignored = 1")
            return db.changesCount
        }
        let condition = KillfileSQL(killfile, now: now)
        try db.execute(sql: """
            UPDATE status AS s SET is_ignored = 1 - is_ignored
            WHERE is_ignored <> EXISTS (SELECT 1 FROM article a JOIN feed f ON f.id = a.feed_id
                                       WHERE a.id = s.article_id AND \(condition.sql))
            """, arguments: condition.arguments)
        return db.changesCount
    }

    /// Whether some stored article is hidden: only then does a search need to test each match for it.
    static func hidesSomeArticle(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM status WHERE is_ignored = 1)")) ?? false
    }
}
