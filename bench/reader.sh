#!/usr/bin/env bash
# Launch to first complete screen of the reader, in tmux (polling capture-pane until the feed list and its
# status bar are drawn), on stores of 1,000 and 100,000 articles; peak memory (VmHWM) of the same runs.
# Where newsboat is installed, its first screen on the same 20,000-article corpus, and the ratio.
# Prints what it compared, the runs and the medians; never asserts a time.
set -euo pipefail
binary=$(realpath "${1:?usage: bench/reader.sh BINARY}")
runs=${RUNS:-5}
work="$(pwd)/.build/bench/reader"
mkdir -p "$work"
tmux_cmd=(tmux -u -L "qnread-bench-$$" -f /dev/null)
trap '"${tmux_cmd[@]}" kill-server 2>/dev/null || true' EXIT

now_ms() { date +%s%3N; }

# A store of N articles over F feeds, built once through `qnread import-file` (the real parser and store).
store_of() {
    local n=$1 feeds=$2 db="$work/store-$1.sqlite"
    if [ ! -s "$db" ]; then
        python3 bench/reader-corpus.py "$work/corpus-$n" "$n" "$feeds"
        "$binary" --db "$db" import-file "$work/corpus-$n"/*.xml > /dev/null
    fi
    echo "$db"
}

# Starts argv in a fresh 100×30 tmux window, waits until the screen satisfies the grep pattern, prints
# "MILLISECONDS PEAK_KIB", then quits with the given key.
first_screen() {
    local pattern=$1 quit=$2; shift 2
    "${tmux_cmd[@]}" kill-server 2>/dev/null || true
    # The terminal is open before the clock starts, as it is for a reader who types `qnread`: the tmux server
    # and its 100×30 window come first, then the program is launched into that window.
    "${tmux_cmd[@]}" new-session -d -s bench -x 100 -y 30 -- sleep 60
    local start end pid peak
    start=$(now_ms)
    "${tmux_cmd[@]}" respawn-pane -k -t bench -- /usr/bin/env LANG=C.UTF-8 TERM=tmux-256color "$@"
    until "${tmux_cmd[@]}" capture-pane -p -t bench 2>/dev/null | grep -qE "$pattern"; do
        if [ $(( $(now_ms) - start )) -gt 20000 ]; then
            echo "no complete screen (/$pattern/) after 20 s; the screen was:" >&2
            "${tmux_cmd[@]}" capture-pane -p -t bench >&2 || true
            exit 1
        fi
    done
    end=$(now_ms)
    pid=$("${tmux_cmd[@]}" display-message -p -t bench '#{pane_pid}')
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    "${tmux_cmd[@]}" send-keys -t bench "$quit"
    sleep 0.2
    "${tmux_cmd[@]}" kill-server 2>/dev/null || true
    echo "$((end - start)) $peak"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

measure() {
    local label=$1 pattern=$2 quit=$3; shift 3
    local times=() peaks=()
    for _ in $(seq "$runs"); do
        read -r ms kib < <(first_screen "$pattern" "$quit" "$@")
        times+=("$ms"); peaks+=("$kib")
    done
    local t p
    t=$(printf '%s\n' "${times[@]}" | median)
    p=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
    printf '%-34s runs=%s times_ms=[%s] median=%s ms peak=%s MiB\n' "$label" "$runs" "${times[*]}" "$t" "$((p / 1024))" >&2
    echo "$t"
}

home="$work/home"
mkdir -p "$home/config/qnread" "$home/data"
# The reader lists what the feeds file lists (else the built-in default list joins the store's feeds):
# the corpus feeds, and no reload at start, so the first screen is the store's alone.
printf 'reload_on_start = false\n' > "$home/config/qnread/config.toml"
subscribe() { for f in "$1"/*.xml; do echo "file://$f"; done > "$home/config/qnread/feeds"; }
reader() { echo /usr/bin/env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" "$binary" --db "$1"; }
# The feed list is complete when its status bar counts every feed (plus "All articles" and "Starred").
ready() { echo "1/$(($1 + 2)) *\$"; }

echo "qnread first screen (tmux 100x30 already open, program launched into it, capture-pane polled continuously)"
# The floor of this method: a program that prints a complete screen at once.
measure "floor: printf of a ready screen" 'READY 1/1 *$' q /bin/sh -c 'printf "READY 1/1\\n"; exec sleep 60' > /dev/null
for n in 1000 100000; do
    feeds=$((n >= 100000 ? 100 : 10))
    db=$(store_of "$n" "$feeds")
    subscribe "$work/corpus-$n"
    # shellcheck disable=SC2046
    measure "qnread, $n articles" "$(ready "$feeds")" Q $(reader "$db") > /dev/null
done

if command -v newsboat > /dev/null; then
    n=20000 feeds=20
    db=$(store_of "$n" "$feeds")
    corpus="$work/corpus-$n"
    subscribe "$corpus"
    nb="$work/newsboat"
    mkdir -p "$nb"
    : > "$nb/urls"
    for f in "$corpus"/*.xml; do echo "file://$f" >> "$nb/urls"; done
    printf 'show-read-feeds yes\nreload-threads 4\n' > "$nb/config"
    [ -s "$nb/cache.db" ] || newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config" -x reload > /dev/null 2>&1
    # shellcheck disable=SC2046
    q=$(measure "qnread, $n articles" "$(ready "$feeds")" Q $(reader "$db"))
    b=$(measure "newsboat, $n articles" 'Fil de banc' q newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config")
    awk -v q="$q" -v b="$b" 'BEGIN { printf "ratio qnread/newsboat on %s articles: %.2f\n", 20000, (b > 0 ? q / b : 0) }'
else
    echo "newsboat not installed: no comparison"
fi
