"""The cold reload's store floor (issue 16): what a cold reload leaves in the store, written again by SQLite alone.

Everything comes from a store a cold reload just made: its schema (page size, tables, indexes, triggers, the search
index's definition), its feeds, its article rows with the HTML as they hold it (compressed), its statuses. The search
index gets the same articles' words, taken from the corpus (tags stripped), since the store keeps no plain text. All
of it goes into a fresh file in one transaction, through Python's sqlite3 (the system's SQLite, as qnread's), with
qnread's pragmas. Nothing is parsed, fetched or compressed: those are qnread's own work, and the floor leaves them out.

reload_bench.py calls it for the cold reload; as a program (bench/store.sh, for import-file):
    python3 bench/store_floor.py STORE WORK FEED.xml…   prints the fastest of 3 runs in seconds, and the articles
"""
import html, os, re, sqlite3, sys, time

# The reload corpus holds its HTML in content:encoded, the store corpus in the description; both in CDATA.
ITEM = re.compile(r"<item>.*?<link>(.*?)</link>.*?<(?:content:encoded|description)><!\[CDATA\[(.*?)\]\]>", re.S)
TAG = re.compile(r"<[^>]*>")

def corpus_bodies(paths):
    """Each item's link → its content's text, tags stripped, from the feed files at `paths`."""
    bodies = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for link, body in ITEM.findall(fh.read()):
                bodies[html.unescape(link)] = html.unescape(TAG.sub(" ", body))
    return bodies

def sqlite_literal(value):
    return str(value) if isinstance(value, (int, float)) else "'" + str(value).replace("'", "''") + "'"

def read_store(store, bodies):
    """The schema statements, in creation order, and the rows of the tables a reload writes."""
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    schema = [sql for (sql,) in db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'article_search_%' ORDER BY rowid")]
    # The search index's settings (its rank function, the memory it fills before writing a segment).
    schema += [f"INSERT INTO article_search(article_search, rank) VALUES ({sqlite_literal(k)}, {sqlite_literal(v)})"
               for k, v in db.execute("SELECT k, v FROM article_search_config WHERE k <> 'version'")]
    def rows(table):
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        values = db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
        insert = f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        return insert, values
    # The counts the status trigger keeps start at zero, as in a new store.
    feed_insert, feeds = rows("feed")
    feed_columns = [row[1] for row in db.execute("PRAGMA table_info(feed)")]
    zero = {feed_columns.index("article_count"), feed_columns.index("unread_count")}
    feeds = [tuple(0 if i in zero else v for i, v in enumerate(row)) for row in feeds]
    tables = [(feed_insert, feeds), rows("article"), rows("status")]
    search = [(id, title, (authors or "").replace("\n", ", "), feed_title, bodies.get(link, ""))
              for id, title, authors, feed_title, link in db.execute(
                  "SELECT a.id, a.title, a.authors, coalesce(f.title, f.url), a.link "
                  "FROM article a JOIN feed f ON f.id = a.feed_id ORDER BY a.id")]
    tables.append(("INSERT INTO article_search(rowid, title, authors, feed_title, body) VALUES (?, ?, ?, ?, ?)", search))
    db.close()
    return page_size, schema, tables, len(search)

def fastest_write(path, page_size, schema, tables, runs=3):
    """Seconds, fastest of `runs`, to write `tables` ((INSERT, rows) pairs) in one transaction into a fresh file at
    `path` made by `schema`, with qnread's page size and pragmas (FeedStore)."""
    best = None
    for _ in range(runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix): os.remove(path + suffix)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute(f"PRAGMA page_size = {page_size}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -16384")
        for sql in schema:
            db.execute(sql)
        start = time.perf_counter()
        db.execute("BEGIN")
        for insert, values in tables:
            db.executemany(insert, values)
        db.execute("COMMIT")
        elapsed = time.perf_counter() - start
        db.close()
        best = elapsed if best is None else min(best, elapsed)
    return best

if __name__ == "__main__":
    store, work, feeds = sys.argv[1], sys.argv[2], sys.argv[3:]
    page_size, schema, tables, articles = read_store(store, corpus_bodies(feeds))
    print(f"{fastest_write(os.path.join(work, 'store-floor.sqlite'), page_size, schema, tables):.3f} {articles}")
