#!/usr/bin/env bash
# Reload benchmark (issue 4): 200 feeds × 100 items of French HTML, served over HTTP from 127.0.0.1
# (Python's http.server in bench/feed_server.py: Last-Modified, 304 for If-Modified-Since, keep-alive) and, separately, as file:// URLs.
# For each source: a cold reload into an empty store, then warm reloads with nothing new, for qnread and for
# `newsboat -x reload` on the same urls file, in the same run. Prints runs, medians and both ratios; never asserts.
set -euo pipefail
binary=$(realpath "${1:?usage: bench/reload.sh QNREAD_BINARY}")
work="$(pwd)/.build/bench/reload"
FEEDS=${FEEDS:-200} ITEMS=${ITEMS:-100} COLD_RUNS=${COLD_RUNS:-3} WARM_RUNS=${WARM_RUNS:-5}
mkdir -p "$work"
export BINARY="$binary" WORK="$work" FEEDS ITEMS COLD_RUNS WARM_RUNS
exec python3 "$(dirname "$0")/reload_bench.py"
