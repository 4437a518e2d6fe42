#!/usr/bin/env bash
# Store benchmark (issue 3): ingest 1,000 feeds × 100 French articles, then time what the reader asks of the
# store at 100,000 articles, and compare ingesting 200 feeds with newsboat's `-x reload`.
# usage: bench/store.sh PATH/TO/qnread [FEEDS]. Prints what was compared, runs, medians and ratios; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "$1")"
FEEDS="${2:-1000}"
OUT=.build/bench/store
CORPUS="$OUT/corpus-$FEEDS"
mkdir -p "$OUT"

# The corpus is regenerated only when the generator changes.
stamp="$(sha256sum bench/generate-store-corpus.py | cut -c1-16)"
if [ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "generating $FEEDS feeds × 100 articles under $CORPUS …"
    rm -rf "$CORPUS"
    python3 bench/generate-store-corpus.py "$CORPUS" "$FEEDS" 100
    echo "$stamp" > "$CORPUS/.stamp"
fi
files=("$CORPUS"/feed-*.xml)
echo "corpus: ${#files[@]} feeds, $(du -sm "$CORPUS" | cut -f1) MB of XML"

median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f" % x["median"] for x in r))' "$1"; }

# 1. Full ingest into a fresh database, one process, one transaction per feed.
DB="$OUT/store.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
start=$(date +%s.%N)
"$BIN" --db "$DB" import-file "${files[@]}" > /dev/null
end=$(date +%s.%N)
articles=$("$BIN" --db "$DB" stats | awk '$1 == "articles" { print $2 }')
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'ingest (import-file, 1 run): {n} articles in {s:.1f} s = {n/s:.0f} articles/s')" "$start" "$end" "$articles"
"$BIN" --db "$DB" cleanup > /dev/null
"$BIN" --db "$DB" stats | sed -n 's/^size *\([^(]*\).*/database size after cleanup: \1/p'
# Issue 16's target: the store, search index included, at most 0.6× its feeds' XML.
xml_bytes=$(cat "${files[@]}" | wc -c)
python3 - "$DB" "$xml_bytes" <<'PYTHON'
import os, sqlite3, sys
path, xml = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
parts = dict(sqlite3.connect(path).execute("""
    SELECT CASE WHEN name = 'article' THEN 'article rows (HTML included)'
                WHEN name LIKE 'article_search%' THEN 'search index' ELSE 'other tables and indexes' END,
           sum(pgsize) FROM dbstat GROUP BY 1""").fetchall())
print(f"store / feeds' XML: {size / 1e6:.1f} MB / {xml / 1e6:.1f} MB = {size / xml:.2f}× (target ≤ 0.6×); "
      + ", ".join(f"{name} {value / 1e6:.1f} MB" for name, value in sorted(parts.items(), key=lambda p: -p[1])))
PYTHON

# 2. In-process timings of the reader's queries (targets at 100k: search p50 < 10 ms, feed list < 5 ms), and query
# feeds (issue 14: a query feed opens in the time an ordinary feed does), as newsboat users write them: unread
# articles; one author's unread; a word in titles (833 of 100,000 titles); a saved search; a word in no title, the
# worst case, where the whole list is read to find there is nothing.
echo "in-process (qnread bench-store, 20 runs per list query, each of 50 searches: median of 5 runs after one warm-up):"
"$BIN" --db "$DB" bench-store --queries "$CORPUS/queries.txt" \
    --query-feed 'query:Non lus:unread = "yes"' \
    --query-feed 'query:Tremblay:author = "Marie-Eve Tremblay" and unread = "yes"' \
    --query-feed 'query:Québec:title =~ "québec"' \
    --query-feed 'search:Logiciel libre:"logiciel libre"' \
    --query-feed 'query:Rien:title =~ "zzzz"' | sed 's/^/  /'
# The floor of article_open above: SQLite alone reading the same rows, the HTML uncompressed (article_floor.py).
read -r floor_median floor_slowest floor_count <<< "$(python3 bench/article_floor.py "$DB" "$OUT")"
echo "  article_open floor: SQLite alone (Python's sqlite3) reading the same $floor_count rows, HTML uncompressed:" \
     "median $floor_median µs, slowest $floor_slowest µs"

# 3. A fresh process from exec to its first page printed (target < 50 ms), and its peak memory (< 30 MiB).
feed_url="file://$(realpath "${files[$(( ${#files[@]} / 2 ))]}")"
hyperfine --style none --warmup 3 --runs 20 --export-json "$OUT/first-page.json" \
    "$BIN --db $DB articles --feed $feed_url --limit 50" > /dev/null 2> "$OUT/first-page.log"
echo "fresh process, open to first page of one feed (hyperfine, 20 runs): median $(median "$OUT/first-page.json") s"
rss=$( { /usr/bin/time -f %M "$BIN" --db "$DB" articles --feed "$feed_url" --limit 50 > /dev/null; } 2>&1 | tail -1)
echo "peak memory of that process: $((rss / 1024)) MiB ($rss kB max RSS)"
rss=$( { /usr/bin/time -f %M "$BIN" --db "$DB" search 'logiciel libre' > /dev/null; } 2>&1 | tail -1)
echo "peak memory of a fresh search process: $((rss / 1024)) MiB"

# 4. newsboat -x reload vs qnread import-file on the first 200 feeds, each into a fresh cache.
count=$(( ${#files[@]} < 200 ? ${#files[@]} : 200 ))
subset=("${files[@]:0:$count}")
: > "$OUT/urls"
for file in "${subset[@]}"; do echo "file://$(realpath "$file")" >> "$OUT/urls"; done
NB="$OUT/newsboat-cache.db"
QN="$OUT/compare.sqlite"
hyperfine --style none --runs 2 --export-json "$OUT/compare.json" \
    --prepare "rm -f $NB $NB.lock" "newsboat -u $OUT/urls -c $NB -C /dev/null -x reload" \
    --prepare "rm -f $QN $QN-wal $QN-shm" "$BIN --db $QN import-file ${subset[*]}" > /dev/null 2> "$OUT/compare.log"
read -r nb qn <<< "$(median "$OUT/compare.json")"
nb_items=$(sqlite3 "$NB" 'SELECT count(*) FROM rss_item' 2>/dev/null || echo "?")
qn_items=$("$BIN" --db "$QN" stats | awk '$1 == "articles" { print $2 }')
echo "ingest $count feeds (hyperfine, 2 runs, fresh cache each): newsboat -x reload median ${nb} s ($nb_items items)," \
     "qnread import-file median ${qn} s ($qn_items articles)"
python3 -c "import sys; print(f'ratio newsboat / qnread: {float(sys.argv[1])/float(sys.argv[2]):.2f}')" "$nb" "$qn"
# The floor (issue 16): the store that import left, written again by SQLite alone in one transaction.
read -r floor floor_articles <<< "$(python3 bench/store_floor.py "$QN" "$OUT" "${subset[@]}")"
python3 -c "import sys; f, q = float(sys.argv[1]), float(sys.argv[2]); print(f'store floor: SQLite alone writing the same {sys.argv[3]} articles, fastest of 3: {f:.2f} s; import-file is {q/f:.2f}x that')" "$floor" "$qn" "$floor_articles"
