#!/usr/bin/env bash
# Times `qnread parse --stats` against `xmllint --stream --noout` and `sfeed` on one generated RSS feed of
# 50,000 French articles (~225 MB), 5 runs each in this one run, taking turns, and prints the medians, qnread's MB/s, its
# ratio to each tool, and its peak memory. Never asserts. For the record only: real feeds are 10 KB to 2 MB, and
# qnread parses in memory (this file is over its 64 MiB default cap, raised here with --max-size), so its memory
# grows with the file; bench/parse-corpus.sh measures the parser on realistic feeds.
set -euo pipefail
qnread=${1:?usage: bench/parse.sh QNREAD_BINARY}
runs=${RUNS:-5}
items=50000
seed=2024
dir=.build/bench
feed=$dir/parse-$items-$seed.xml
mkdir -p "$dir"
if [ ! -s "$feed" ]; then
    echo "generating $feed (seeded, $items items)…"
    python3 bench/generate_feed.py --items "$items" --seed "$seed" > "$feed.tmp"
    mv "$feed.tmp" "$feed"
fi
bytes=$(stat -c %s "$feed")
echo "feed: $feed, $bytes bytes, $items items; $runs runs each, median shown"

# Wall time in nanoseconds of one run of "$@", output discarded.
run_ns() {
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( end - start ))
}

median_seconds() { sort -n | sed -n "$(( (runs + 1) / 2 ))p" | awk '{ printf "%.3f", $1 / 1e9 }'; }

sfeed_stdin() { sfeed < "$feed"; }

# The three tools take turns, run after run, so a slow spell of the machine falls on all of them alike.
qn_times=(); xl_times=(); sf_times=()
for _ in $(seq "$runs"); do
    qn_times+=("$(run_ns "$qnread" parse "$feed" --stats --max-size 512)")
    xl_times+=("$(run_ns xmllint --stream --noout "$feed")")
    sf_times+=("$(run_ns sfeed_stdin)")
done
qn=$(printf '%s\n' "${qn_times[@]}" | median_seconds)
xl=$(printf '%s\n' "${xl_times[@]}" | median_seconds)
sf=$(printf '%s\n' "${sf_times[@]}" | median_seconds)
items_seen=$("$qnread" parse "$feed" --stats --max-size 512 2>/dev/null | sed -n 's/^items: //p')
/usr/bin/time -v -o "$dir/parse-time.txt" "$qnread" parse "$feed" --stats --max-size 512 > /dev/null 2>&1 || true
peak_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/parse-time.txt")

awk -v b="$bytes" -v qn="$qn" -v xl="$xl" -v sf="$sf" -v kib="$peak_kib" -v n="$items_seen" 'BEGIN {
    mb = b / 1e6
    printf "qnread parse --stats      %7.3f s  %7.1f MB/s  (%s items)\n", qn, mb / qn, n
    printf "xmllint --stream --noout  %7.3f s  %7.1f MB/s\n", xl, mb / xl
    printf "sfeed < file              %7.3f s  %7.1f MB/s\n", sf, mb / sf
    printf "qnread time / xmllint: %.2f (below 1 = qnread faster)\n", qn / xl
    printf "qnread time / sfeed:   %.2f (below 1 = qnread faster)\n", qn / sf
    printf "qnread peak RSS: %.1f MiB (the file is parsed in memory)\n", kib / 1024
}'
