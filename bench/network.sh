#!/usr/bin/env bash
# Network-shaped warm reload (issue 16): the reload corpus's 200 feeds served from 40 loopback addresses with
# answers delayed 30–150 ms, one host of 1 s and one that refuses (bench/network_bench.py). Prints, for each --jobs
# value, the ideal time the fetch limits allow and qnread's, beside newsboat's on the same URLs; never asserts.
set -euo pipefail
binary=$(realpath "${1:?usage: bench/network.sh QNREAD_BINARY}")
work="$(pwd)/.build/bench/network"
RUNS=${RUNS:-3} JOBS=${JOBS:-"8 16 32"}
mkdir -p "$work"
export BINARY="$binary" WORK="$work" RUNS JOBS
exec python3 "$(dirname "$0")/network_bench.py"
