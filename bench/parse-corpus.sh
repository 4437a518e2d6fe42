#!/usr/bin/env bash
# Parse CPU on realistic feeds: the 200-feed corpus of bench/reload.sh (French RSS 2.0, ~195 KB each, 39 MB),
# counted in instructions with callgrind (repeatable whatever else the machine does; perf counters are not
# available here). Three figures from the same run:
#   - qnread's parser alone, inside a real `import-file` of the whole corpus (callgrind collects only inside
#     FeedParser.parse, so reading the files and the store are not counted);
#   - the whole import-file, for the parser's share of it;
#   - the floor: libxml2 alone reading the same files (`xmllint --stream --noout`).
# Never asserts; prints the counts and the ratio to the floor.
set -euo pipefail
binary=$(realpath "${1:?usage: bench/parse-corpus.sh QNREAD_BINARY}")
work="$(pwd)/.build/bench/reload"
corpus=$(python3 "$(dirname "$0")/reload_corpus.py" "$work" "${FEEDS:-200}" "${ITEMS:-100}")
files=("$corpus"/*.xml)
out="$work/callgrind"
mkdir -p "$out"
# valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: it reads a copy without it (the symbols
# that name functions stay).
tool="$out/qnread-tool"
objcopy --strip-debug "$(dirname "$binary")/qnread-tool" "$tool"
bytes=$(cat "${files[@]}" | wc -c)
echo "corpus: ${#files[@]} feeds, $bytes bytes in $corpus"

# Total instructions of a callgrind output file ("summary: N" line).
instructions() { sed -n 's/^summary: //p' "$1"; }

# FeedParser.parse(_:url:httpCharset:), by its mangled name (callgrind matches those).
parse_symbol=$(nm "$tool" | awk '$2 == "T" && $3 ~ /FeedParsing0A6ParserV5parse_3url11httpCharset.*tKF$/ { print $3 }' | head -n 1)
[ -n "$parse_symbol" ] || { echo "FeedParser.parse not found in $tool" >&2; exit 1; }
rm -f "$work/parse-corpus.sqlite"*
valgrind --tool=callgrind --callgrind-out-file="$out/import.out" --toggle-collect="$parse_symbol" \
    "$tool" --db "$work/parse-corpus.sqlite" import-file "${files[@]}" > /dev/null 2> "$out/import.log"
parse=$(instructions "$out/import.out")
rm -f "$work/parse-corpus.sqlite"*
valgrind --tool=callgrind --callgrind-out-file="$out/import-all.out" \
    "$tool" --db "$work/parse-corpus.sqlite" import-file "${files[@]}" > /dev/null 2> "$out/import-all.log"
whole=$(instructions "$out/import-all.out")
valgrind --tool=callgrind --callgrind-out-file="$out/xmllint.out" xmllint --stream --noout "${files[@]}" > /dev/null 2>&1
floor=$(instructions "$out/xmllint.out")
rm -f "$work/parse-corpus.sqlite"*

python3 - "$parse" "$whole" "$floor" "$bytes" <<'EOF'
import sys
parse, whole, floor, size = (int(v) for v in sys.argv[1:])
print(f"qnread parse (FeedParser.parse, inside import-file): {parse/1e6:,.0f} M instructions, {parse/size:.1f} per byte")
print(f"qnread import-file, whole process:                  {whole/1e6:,.0f} M instructions; the parser is {parse/whole:.0%} of it")
print(f"floor, xmllint --stream --noout (libxml2 alone):    {floor/1e6:,.0f} M instructions, {floor/size:.1f} per byte")
print(f"parse / floor: {parse/floor:.2f}")
EOF
echo "callgrind outputs in $out (callgrind_annotate --inclusive=yes $out/import.out)"
