#!/usr/bin/env python3
"""Whether two qnread builds give the same search results on a store: for a change to how searches run.

usage: search_results.py QUERIES.txt BEFORE/qnread-tool BEFORE.sqlite AFTER/qnread-tool AFTER.sqlite
The two stores may be one file, or copies (a build with a newer migration makes a store another cannot open).
Runs `search --json` of every query (one a line) with each binary at limits 1,000 (the whole ranked window), 200 (the
reader's page) and 20 (bench-store's), and prints, for each query and limit that differs (or fails), whether the
articles, their order or their snippets do; then how many differ and how many hits were the same.
"""
import json
import subprocess
import sys

queries, before, before_store, after, after_store = sys.argv[1:6]


def hits(binary, store, query, limit):
    run = subprocess.run([binary, "--db", store, "search", "--limit", str(limit), "--json", "--"] + query.split(),
                         capture_output=True, text=True)
    if run.returncode:
        return {"error": run.stderr.strip()}
    return [(hit["article"]["id"], "".join(f"[{s['text']}]" if s["match"] else s["text"] for s in hit["snippet"]))
            for hit in json.loads(run.stdout)]


differences = 0
compared = 0
lines = [line for line in open(queries, encoding="utf-8").read().splitlines() if line.strip()]
for query in lines:
    for limit in (1000, 200, 20):
        old, new = hits(before, before_store, query, limit), hits(after, after_store, query, limit)
        if old == new and not isinstance(old, dict):
            compared += len(old)
            continue
        differences += 1
        if isinstance(old, dict) or isinstance(new, dict):
            said = [r["error"] if isinstance(r, dict) else f"{len(r)} hits" for r in (old, new)]
            print(f"{query!r} at {limit}: {said[0]} / {said[1]}")
            continue
        same_set = {i for i, _ in old} == {i for i, _ in new}
        same_order = [i for i, _ in old] == [i for i, _ in new]
        print(f"{query!r} at {limit}: articles {'same' if same_set else 'differ'} ({len(old)} / {len(new)}),"
              f" order {'same' if same_order else 'differs'}, snippets {'same' if dict(old) == dict(new) else 'differ'}")
print(f"{len(lines)} queries at 3 limits: {differences} differ ({compared} hits the same, article, place and snippet)")
