#!/usr/bin/env bash
# What starting a command costs, in instructions counted by callgrind (repeatable whatever else the machine does),
# beside w3m doing the same small job in the same run:
#   - `qnread-tool --version` (the whole command tree);
#   - `qnread-tool show --file` of a 9-byte page: a subcommand's start-up, its work nearly nothing;
#   - the `qnread` reader's own part of `qnread show …` before it executes qnread-tool in its place (measured with
#     a copy of the reader alone in a directory, where it stops at "qnread-tool is not installed");
#   - `w3m -dump` of the same page, the peer, and where each of qnread's counts goes: the dynamic loader (ld.so)
#     and, for qnread-tool, choosing its language (ToolLanguage.catalogue, which reads config.toml when there is
#     one) and building its command tables (QnRead.table). Reading the arguments against the tables
#     (ArgumentTables' CommandLineParser.parse) is inlined into main by the release build: under 0.1 M.
# bench/render.sh times the 100 KB article per process on the wall clock. Never asserts.
set -euo pipefail
binary=$(realpath "${1:?usage: bench/startup.sh QNREAD_BINARY}")
out="$(pwd)/.build/bench/startup"
mkdir -p "$out/reader-alone"
# valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: it reads copies without it.
objcopy --strip-debug "$(dirname "$binary")/qnread-tool" "$out/qnread-tool"
objcopy --strip-debug "$binary" "$out/reader-alone/qnread"
page="$out/page.html"
printf '<p>x</p>\n' > "$page"

# count NAME COMMAND…: total instructions, then those under ld.so's _dl_start, ToolLanguage.catalogue's and
# QnRead.table's one-time initializers.
runs=0
count() {
    local name=$1; shift
    local file="$out/run$((runs += 1))"
    valgrind --tool=callgrind --callgrind-out-file="$file.out" "$@" > /dev/null 2> "$file.log" || true
    callgrind_annotate --inclusive=yes "$file.out" > "$file.txt" 2> /dev/null
    local total loader language tables
    total=$(sed -n 's/^summary: //p' "$file.out")
    first() { awk -v pattern="$1" '$0 ~ pattern && !seen { gsub(",", "", $1); print $1; seen = 1 }' "$file.txt"; }
    loader=$(first 'rtld.c:_dl_start ')
    language=$(first '12ToolLanguageO9catalogue_WZ')
    tables=$(first '6QnReadO5table_WZ')
    awk -v n="$name" -v t="$total" -v l="${loader:-0}" -v c="${language:-0}" -v b="${tables:-0}" \
        'BEGIN { printf "  %-28s %5.1f M instructions   ld.so %4.1f M   language %4.2f M   tables %4.2f M\n", n, t / 1e6, l / 1e6, c / 1e6, b / 1e6 }'
}

echo "start-up, callgrind instruction counts (release binaries without debug information):"
count "qnread-tool --version" "$out/qnread-tool" --version
count "qnread-tool show (9 bytes)" "$out/qnread-tool" show --file "$page" --width 80 --color never
count "qnread before qnread-tool" "$out/reader-alone/qnread" show --file "$page"
count "w3m -dump (9 bytes)" w3m -dump -cols 80 -T text/html "$page"
