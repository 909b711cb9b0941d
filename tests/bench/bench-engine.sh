#!/bin/bash
# bench-engine.sh: the engine's budgets on a 1,000,000-event workspace
#
# Copyright 2026 The Onloop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: tests/bench/bench-engine.sh BUILD_DIR [WORK_DIR] [RUNS]
#
# Generates a seeded 1M-event log with gen-log.py (kept in WORK_DIR between
# runs), imports it with the bench spec, then prints medians of:
#   - onloop-cli metrics as a whole process (budget ≤ 100 ms) and the query
#     in-process (≤ 20 ms);
#   - onloop-cli calibrate --trigger deal-size --target 0.125 as a whole
#     process (≤ 250 ms) and in-process (≤ 50 ms), and one slider step
#     (≤ 16 ms);
#   - peak RSS of each command (GNU time -v).
# Not a test: numbers depend on the machine. Keep RUNS small on a shared one.

set -euo pipefail

build=$(realpath "${1:?usage: bench-engine.sh BUILD_DIR [WORK_DIR] [RUNS]}")
work=$(realpath -m "${2:-/tmp/onloop-bench-engine}")
runs=${3:-7}
here=$(dirname "$(realpath "$0")")
cli="$build/src/cli/onloop-cli"
bench="$build/tests/bench-engine"
events=${ONLOOP_BENCH_EVENTS:-1000000}

mkdir -p "$work"
log="$work/log-$events.jsonl"
db="$work/bench-$events.onloop"

if [ ! -s "$log" ]; then
  echo "generating $events events…"
  python3 "$here/gen-log.py" --events "$events" --seed 7 "$log"
fi

if [ ! -s "$db" ]; then
  "$cli" --db "$db" init
  "$cli" --db "$db" import-spec "$here/bench-spec.json" > /dev/null
  echo "importing…"
  /usr/bin/time -f "import: %e s, peak RSS %M KB" "$cli" --db "$db" import-log "$log" > /dev/null
fi

# Each whole-process run, in ms (wall clock of the process).
median_ms () {
  local -a times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f ms", m / 1000 }'
}

median_ms_once () {
  local t0 t1
  t0=$(date +%s%N)
  "$@" > /dev/null
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) ms (one run)"
}

peak_kb () {
  /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident set size/ { print $2 " KB" }'
}

# The first run after an import re-evaluates the log and writes the weekly
# table and the column cache: that is the refresh cost, paid once.
echo "first metrics after import (refresh + column cache):"
/usr/bin/time -f "  %e s, peak RSS %M KB" "$cli" --db "$db" metrics > /dev/null

# A draft edit marks the workspace stale: the next read re-evaluates from
# the column cache, without reading the rows.
"$cli" --db "$db" import-spec "$here/bench-spec.json" > /dev/null
echo "first metrics after a draft edit (refresh from the column cache):"
/usr/bin/time -f "  %e s, peak RSS %M KB" "$cli" --db "$db" metrics > /dev/null

echo "whole process, median of $runs:"
echo "  metrics:                       $(median_ms "$cli" --db "$db" metrics)   (budget 100 ms)"
echo "  metrics --format table:        $(median_ms "$cli" --db "$db" metrics --format table)"
echo "  calibrate deal-size 0.125:     $(median_ms "$cli" --db "$db" calibrate --trigger deal-size --target 0.125)   (budget 250 ms)"
echo "  calibrate … --curve (all cuts): $(median_ms "$cli" --db "$db" calibrate --trigger deal-size --target 0.125 --curve)"
echo "  evaluate 1M lines (stdin):     $(median_ms_once "$cli" evaluate --spec "$here/bench-spec.json" < "$log")"
echo "  evaluate 1M lines with --db:   $(median_ms_once "$cli" --db "$db" evaluate --spec "$here/bench-spec.json" < "$log")"
echo "CPU time (user + system) of one calibrate process, for a loaded machine:"
/usr/bin/time -f "  %U s user + %S s system" "$cli" --db "$db" calibrate --trigger deal-size --target 0.125 > /dev/null
echo "peak RSS:"
echo "  metrics:                       $(peak_kb "$cli" --db "$db" metrics)"
echo "  calibrate:                     $(peak_kb "$cli" --db "$db" calibrate --trigger deal-size --target 0.125)"
echo "in-process (bench-engine, median of $runs):"
"$bench" "$db" "$runs" | sed 's/^/  /'
echo "result:"
"$cli" --db "$db" calibrate --trigger deal-size --target 0.125 | sed 's/^/  /'
