import GRDB

// The database schema, as a list of named migrations. A migration that has shipped is never edited:
// a change is a new migration appended to the list. Dates are stored as REAL Unix seconds.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-12-01 feeds, articles, statuses, search", migrate: createTables)
        // SafeText began dropping the bidi marks (LRM, RLM, ALM), so `qnread_plain_text` changed: the index
        // is rebuilt from the stored HTML to match what it now says.
        migrator.registerMigration("2026-12-01 search index without bidi marks") { db in
            try db.execute(sql: "INSERT INTO article_search(article_search) VALUES ('rebuild')")
        }
        // newsboat's "!" tag: a feed fetched (for searches and query feeds) but left out of the feed list.
        migrator.registerMigration("2026-12-06 hidden feeds") { db in
            try db.execute(sql: "ALTER TABLE feed ADD COLUMN is_hidden INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("2026-12-06 killfile", migrate: addKillfile)
        migrator.registerMigration("2026-12-06 query feeds: listing index, store generation", migrate: addQueryFeedSupport)
        migrator.registerMigration("2026-12-06 sync with a server aggregator", migrate: createSyncTables)
        migrator.registerMigration(compressionMigration, migrate: compressHTML)
        migrator.registerMigration("2026-12-06 enclosure downloads", migrate: addEnclosureDownloads)
        // FTS5 writes the words it holds as a new segment of the index each time they fill 1 MB, and merges the
        // segments as they pile up: a reload of 20,000 articles (98 MB of feeds) wrote and merged a hundred of them.
        // With 16 MB, the index alone is written in half the time (bench/README.md), and is no larger. The memory is
        // held only while a write is pending.
        migrator.registerMigration("2026-12-06 search index: 16 MB before a segment") { db in
            try db.execute(sql: "INSERT INTO article_search(article_search, rank) VALUES ('hashsize', 16777216)")
        }
        return migrator
    }

    /// Its name: `FeedStore` compacts the file once after it, which gives the space it frees back to the disk.
    static let compressionMigration = "2026-12-06 compressed HTML, search body first"

    /// Issue 16: 100,000 articles took 841 MB, 1.7 times their feeds' XML. The HTML is now stored compressed
    /// (StoredHTML: 460 MB of it became 232 MB), and the search index puts the body first: FTS5 writes a column
    /// number before the positions of every column but the first, two bytes for each article a word appears in,
    /// and nearly all of them are body words (39 of the index's 40 million word–article pairs): 262 MB became 185 MB.
    /// bench/README.md has the figures.
    /// The index keeps its positions (`detail=full`): phrases need them, and without them (`detail=column`, 28 %
    /// smaller still) a phrase would have to be checked against the text of every article holding its words.
    private static func compressHTML(_ db: Database) throws {
        db.add(function: DatabaseFunction("qnread_stored_html", argumentCount: 1, pure: true) { values in
            StoredHTML.value(StoredHTML.html(values[0]))
        })
        try db.execute(sql: """
            UPDATE article SET summary_html = qnread_stored_html(summary_html), content_html = qnread_stored_html(content_html)
            WHERE typeof(summary_html) = 'text' OR typeof(content_html) = 'text';
            DROP TABLE article_search;
            CREATE VIRTUAL TABLE article_search USING fts5(
                body, title, authors, feed_title,
                content = 'article_search_source', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO article_search(article_search, rank) VALUES ('rank', 'bm25(1.0, 10.0, 3.0, 2.0)');
            INSERT INTO article_search(article_search) VALUES ('rebuild');
            """)
    }

    /// The killfile (config.toml's `[[ignore]]`): the rules the store was last told, and a flag on each status row
    /// for the articles they hide. Hidden articles stay stored but leave every list, count and search, so the
    /// count triggers are rewritten to leave them out.
    private static func addKillfile(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE status ADD COLUMN is_ignored INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX status_ignored ON status(feed_id, article_id) WHERE is_ignored = 1;

            -- What `FeedStore.useKillfile` was last given: every article stored since is checked against it.
            CREATE TABLE killfile_rule (
                position INTEGER PRIMARY KEY,
                feed TEXT NOT NULL,
                filter TEXT NOT NULL
            );
            CREATE TABLE store_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

            DROP TRIGGER status_counts_insert;
            DROP TRIGGER status_counts_delete;
            DROP TRIGGER status_counts_read;
            CREATE TRIGGER status_counts_insert AFTER INSERT ON status BEGIN
                UPDATE feed SET article_count = article_count + (NEW.is_ignored = 0),
                                unread_count = unread_count + (NEW.is_read = 0 AND NEW.is_ignored = 0)
                WHERE id = NEW.feed_id;
            END;
            CREATE TRIGGER status_counts_delete AFTER DELETE ON status BEGIN
                UPDATE feed SET article_count = article_count - (OLD.is_ignored = 0),
                                unread_count = unread_count - (OLD.is_read = 0 AND OLD.is_ignored = 0)
                WHERE id = OLD.feed_id;
            END;
            CREATE TRIGGER status_counts_change AFTER UPDATE OF is_read, is_ignored ON status
            WHEN OLD.is_read <> NEW.is_read OR OLD.is_ignored <> NEW.is_ignored BEGIN
                UPDATE feed SET article_count = article_count + (NEW.is_ignored = 0) - (OLD.is_ignored = 0),
                                unread_count = unread_count + (NEW.is_read = 0 AND NEW.is_ignored = 0)
                                                            - (OLD.is_read = 0 AND OLD.is_ignored = 0)
                WHERE id = NEW.feed_id;
            END;
            """)
    }

    /// A filter on titles, links, authors or ids (a query feed, `articles --filter`) walks articles newest first until
    /// it has a page, and counts them all for the feed list: through `article_by_date` each step read the article's
    /// row, about a 4 KiB page for its HTML, so 100,000 took 0.3 s of reading before any test. This index holds
    /// those columns in date order (about 29 MB in a 850 MB store of 100,000 articles) and takes `article_by_date`'s
    /// place. Without links and ids it is smaller, but importing 200 feeds took no less CPU time here (7.8 s
    /// either way).
    /// `store_generation` grows by one with every write transaction (`FeedStore.write`), from any process: a query
    /// feed's counts are kept until it changes (`QueryCountCache`).
    private static func addQueryFeedSupport(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX article_listing ON article(sort_date DESC, id DESC, feed_id, title, link, authors, key);
            DROP INDEX article_by_date;
            CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
            INSERT INTO store_generation(id, value) VALUES (1, 0);
            """)
    }

    /// The server's ids beside the local ones, the outbox of marks and subscription changes waiting to be sent,
    /// and the pull's progress. Read FeedStore+Sync.swift for the rules they keep.
    private static func createSyncTables(_ db: Database) throws {
        try db.execute(sql: """
            -- A feed the server subscribes to, by the server's id.
            CREATE TABLE sync_feed (
                server_id INTEGER PRIMARY KEY,
                feed_id INTEGER NOT NULL UNIQUE REFERENCES feed(id) ON DELETE CASCADE
            );
            -- An article the server has, by the server's id: its marks go to the server and come back from it.
            CREATE TABLE sync_article (
                article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                server_id INTEGER NOT NULL UNIQUE
            );
            -- Marks not yet acknowledged by the server: one row per article and field, the newest mark only (a
            -- newer mark replaces the row, and gets a new id, so a sync that sent the old one deletes only that).
            CREATE TABLE sync_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                server_id INTEGER NOT NULL,
                field TEXT NOT NULL CHECK (field IN ('read', 'starred')),
                value INTEGER NOT NULL,
                UNIQUE (server_id, field)
            );
            -- Subscribe and unsubscribe requests made while the server could not be reached.
            CREATE TABLE sync_subscription_change (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                url TEXT NOT NULL UNIQUE,
                subscribe INTEGER NOT NULL
            );
            -- The account the tables above belong to, the pull's position, the last sync's outcome.
            CREATE TABLE sync_state (
                key TEXT PRIMARY KEY,
                value
            ) WITHOUT ROWID;
            """)
    }

    /// Podcasts: each enclosure queued for download and how far it got, shared by the reader (which queues and
    /// shows) and the `download` command (which moves it on), so a killed download resumes next time. The enclosures
    /// themselves stay in `article.enclosures` (JSON); the partial index lists the articles that have any, newest
    /// first, without reading every row.
    private static func addEnclosureDownloads(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE enclosure_download (
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                phase TEXT NOT NULL CHECK (phase IN ('queued', 'downloading', 'done', 'failed')),
                -- The finished file, or the partial one (name + ".part") being written.
                path TEXT,
                received INTEGER NOT NULL DEFAULT 0,
                total INTEGER,
                error TEXT,
                -- When it was queued: downloads run oldest queued first.
                queued REAL NOT NULL,
                PRIMARY KEY (article_id, url)
            ) WITHOUT ROWID;
            CREATE INDEX article_with_enclosures ON article(sort_date DESC, id DESC) WHERE enclosures IS NOT NULL;
            """)
    }

    private static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feed (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                title TEXT,
                site_link TEXT,
                -- From the feeds file, synced by the reload path.
                custom_title TEXT,
                position INTEGER,
                etag TEXT,
                last_modified TEXT,
                body_hash TEXT,
                last_attempt REAL,
                last_success REAL,
                http_status INTEGER,
                last_error TEXT,
                is_gone INTEGER NOT NULL DEFAULT 0,
                -- Kept by the status triggers below, so the feed list never counts 100,000 rows.
                article_count INTEGER NOT NULL DEFAULT 0,
                unread_count INTEGER NOT NULL DEFAULT 0
            );

            CREATE TABLE feed_tag (
                feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (feed_id, tag)
            ) WITHOUT ROWID;
            CREATE INDEX feed_tag_by_tag ON feed_tag(tag, feed_id);

            -- `key` is ArticleKey.of(item): read ArticleKey.swift before touching it.
            CREATE TABLE article (
                id INTEGER PRIMARY KEY,
                feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                title TEXT NOT NULL,
                link TEXT,
                authors TEXT,
                published REAL,
                updated REAL,
                summary_html TEXT,
                content_html TEXT,
                categories TEXT,
                enclosures TEXT,
                -- Published, else updated, else arrival: what lists sort on.
                sort_date REAL NOT NULL,
                -- StableHash of the stored fields: a re-fetch rewrites only what changed.
                revision TEXT NOT NULL,
                UNIQUE (feed_id, key)
            );
            CREATE INDEX article_by_feed_date ON article(feed_id, sort_date DESC, id DESC);
            CREATE INDEX article_by_date ON article(sort_date DESC, id DESC);

            -- What the reader did, apart from the article so a re-fetch never resets it. `feed_id` and
            -- `sort_date` copy the article's, so unread and starred lists walk a small partial index.
            CREATE TABLE status (
                article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                feed_id INTEGER NOT NULL,
                sort_date REAL NOT NULL,
                is_read INTEGER NOT NULL DEFAULT 0,
                is_starred INTEGER NOT NULL DEFAULT 0,
                arrived REAL NOT NULL
            );
            CREATE INDEX status_unread_by_feed ON status(feed_id, sort_date DESC, article_id DESC) WHERE is_read = 0;
            CREATE INDEX status_unread ON status(sort_date DESC, article_id DESC) WHERE is_read = 0;
            CREATE INDEX status_starred ON status(sort_date DESC, article_id DESC) WHERE is_starred = 1;

            CREATE TRIGGER status_counts_insert AFTER INSERT ON status BEGIN
                UPDATE feed SET article_count = article_count + 1, unread_count = unread_count + (NEW.is_read = 0)
                WHERE id = NEW.feed_id;
            END;
            CREATE TRIGGER status_counts_delete AFTER DELETE ON status BEGIN
                UPDATE feed SET article_count = article_count - 1, unread_count = unread_count - (OLD.is_read = 0)
                WHERE id = OLD.feed_id;
            END;
            CREATE TRIGGER status_counts_read AFTER UPDATE OF is_read ON status WHEN OLD.is_read <> NEW.is_read BEGIN
                UPDATE feed SET unread_count = unread_count + (NEW.is_read = 0) - (OLD.is_read = 0)
                WHERE id = NEW.feed_id;
            END;

            -- Keys of articles retention removed, so a feed that still lists them does not bring them back
            -- as new. Forgotten once the feed has stopped listing them for a while (`last_seen`).
            CREATE TABLE removed_article (
                feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                last_seen REAL NOT NULL,
                PRIMARY KEY (feed_id, key)
            ) WITHOUT ROWID;

            -- The search index stores no text of its own (external content): the words it shows in snippets
            -- and removes on a delete are read back from this view, the body re-derived from the stored HTML
            -- by `qnread_plain_text` (HTMLPlainText, registered on every connection), so no plain-text copy
            -- is kept. That function's output is part of the index: if it ever changes, a new migration must
            -- run `INSERT INTO article_search(article_search) VALUES ('rebuild')`. The feed title is the
            -- feed's current one: renaming a feed re-indexes its articles (`FeedStore.reindex`).
            CREATE VIEW article_search_source AS
                SELECT a.id AS id, a.title AS title, replace(coalesce(a.authors, ''), char(10), ', ') AS authors,
                       coalesce(f.title, f.url) AS feed_title,
                       qnread_plain_text(coalesce(a.content_html, a.summary_html, '')) AS body
                FROM article a JOIN feed f ON f.id = a.feed_id;
            -- rowid = article.id; remove_diacritics 2 makes `quebec` find « Québec ».
            CREATE VIRTUAL TABLE article_search USING fts5(
                title, authors, feed_title, body,
                content = 'article_search_source', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            -- bm25 weights: title, authors, feed title, body.
            INSERT INTO article_search(article_search, rank) VALUES ('rank', 'bm25(10.0, 3.0, 2.0, 1.0)');

            -- An article's words leave the index with it (BEFORE: the view must still see the row).
            CREATE TRIGGER article_cleanup BEFORE DELETE ON article BEGIN
                INSERT INTO article_search(article_search, rowid, title, authors, feed_title, body)
                    SELECT 'delete', id, title, authors, feed_title, body FROM article_search_source WHERE id = OLD.id;
                DELETE FROM status WHERE article_id = OLD.id;
            END;
            """)
    }
}
