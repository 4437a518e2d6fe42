#!/usr/bin/env python3
"""The floor of opening an article, for bench/store.sh: SQLite alone (Python's sqlite3) reading the row the pager
reads (article, status, feed), with its HTML uncompressed as stores kept it before issue 16.

usage: article_floor.py STORE.sqlite WORK_DIR
Copies every 500th article of the store (the ones `bench-store` opens), HTML decompressed through libzstd, with
their status and feed rows, into WORK_DIR/article-floor.sqlite, then times the same query on it: one warm-up, then
the median of 5 runs per article; prints the median over articles and the slowest, in µs.
"""
import ctypes
import os
import sqlite3
import statistics
import sys
import time

store, work = sys.argv[1], sys.argv[2]
zstd = ctypes.CDLL("libzstd.so.1")
zstd.ZSTD_getFrameContentSize.restype = ctypes.c_ulonglong
zstd.ZSTD_decompress.restype = ctypes.c_size_t


def html(value):
    """A column value as the store keeps it (StoredHTML): TEXT as is, a BLOB is one zstd frame."""
    if not isinstance(value, bytes):
        return value
    size = zstd.ZSTD_getFrameContentSize(value, len(value))
    out = ctypes.create_string_buffer(size)
    written = zstd.ZSTD_decompress(out, ctypes.c_size_t(size), value, ctypes.c_size_t(len(value)))
    return out.raw[:written].decode()


path = os.path.join(work, "article-floor.sqlite")
if os.path.exists(path):
    os.remove(path)
source = sqlite3.connect(store)
floor = sqlite3.connect(path)
count = source.execute("SELECT max(id) FROM article").fetchone()[0]
ids = list(range(1, count + 1, 500))
for table in ("article", "status", "feed"):
    floor.execute(source.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0])
marks = ",".join("?" * len(ids))
for row in source.execute(f"SELECT * FROM article WHERE id IN ({marks})", ids):
    columns = [d[0] for d in source.execute("SELECT * FROM article LIMIT 0").description]
    values = [html(v) if c in ("summary_html", "content_html") else v for c, v in zip(columns, row)]
    floor.execute(f"INSERT INTO article({','.join(columns)}) VALUES ({','.join('?' * len(values))})", values)
for table, key in (("status", "article_id"), ("feed", "id")):
    wanted = ids if table == "status" else [r[0] for r in source.execute(f"SELECT DISTINCT feed_id FROM article WHERE id IN ({marks})", ids)]
    rows = source.execute(f"SELECT * FROM {table} WHERE {key} IN ({','.join('?' * len(wanted))})", wanted).fetchall()
    floor.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
floor.commit()

query = """SELECT a.*, s.is_read, s.is_starred, s.arrived, f.custom_title, f.title AS feed_own_title, f.url
           FROM article a JOIN status s ON s.article_id = a.id JOIN feed f ON f.id = a.feed_id WHERE a.id = ?"""
medians = []
for article in ids:
    floor.execute(query, (article,)).fetchone()
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        floor.execute(query, (article,)).fetchone()
        runs.append(time.perf_counter() - start)
    medians.append(statistics.median(runs))
print(f"{statistics.median(medians) * 1e6:.1f} {max(medians) * 1e6:.1f} {len(ids)}")
