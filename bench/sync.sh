#!/usr/bin/env bash
# Sync benchmark (issue 15): the same real Tiny Tiny RSS (scripts/ttrss-server), the same account, 20 feeds × 100
# French articles, synced by qnread (`qnread sync`) and by newsboat 2.21's ttrss backend (`urls-source "ttrss"`,
# `newsboat -x reload`), in the same run: a first sync into an empty store, then syncs with nothing new. Prints
# runs, medians and ratios; never asserts.
set -euo pipefail
binary=$(realpath "${1:?usage: bench/sync.sh QNREAD_BINARY}")
work="$(pwd)/.build/bench/sync"
FEEDS=${FEEDS:-20} ITEMS=${ITEMS:-100} FIRST_RUNS=${FIRST_RUNS:-3} IDLE_RUNS=${IDLE_RUNS:-5}
mkdir -p "$work"
env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
scripts/ttrss-server env >"$env_file"
export BINARY="$binary" WORK="$work" FEEDS ITEMS FIRST_RUNS IDLE_RUNS TTRSS_ENV="$env_file"
exec python3 "$(dirname "$0")/sync_bench.py"
