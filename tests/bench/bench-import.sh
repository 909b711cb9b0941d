#!/bin/sh
# bench-import.sh: onloop-cli import-log against the sqlite3 shell's .import
#
# Copyright 2026 The Onloop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# PRODUCT.md §7: importing 1,000,000 events must take at most 1.5 × the
# time of the sqlite3 shell's .import of the same rows as CSV. This script
# generates the log once (seeded, tests/bench/gen-log.py) together with the
# same rows as CSV, then runs the two imports alternately, RUNS times each,
# each into a fresh file, and prints the medians, the ratio and the peak
# memory (RSS, /usr/bin/time -v).
#
# Two baselines are printed: .import into a new table (the shell creates an
# untyped table without indexes: the budget's reference), and .import into
# a table with the workspace's columns and its two indexes (the same work
# SQLite must do for a workspace), for context.
#
# usage: tests/bench/bench-import.sh [BUILD_DIR]
#   env: EVENTS (1000000), RUNS (5), SEED (1), BENCH_DIR (/tmp/onloop-bench),
#        PAGE_SIZE (unset): also time import-log into a workspace rebuilt with
#        this page size (VACUUM), to weigh a different page size for new files.
#   G_MESSAGES_DEBUG=onloop-core shows the import's phases and per-thread CPU.

set -eu

BUILD_DIR=${1:-_build}
EVENTS=${EVENTS:-1000000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/onloop-bench}
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=$(cd "$BUILD_DIR" && pwd)/src/cli/onloop-cli

[ -x "$CLI" ] || { echo "no $CLI: build first" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 (the shell) is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (package time) is needed" >&2; exit 2; }

mkdir -p "$BENCH_DIR"
LOG="$BENCH_DIR/log-$EVENTS-$SEED.jsonl"
CSV="$BENCH_DIR/log-$EVENTS-$SEED.csv"
ROWS="$BENCH_DIR/rows-$EVENTS-$SEED.csv"

if [ ! -s "$LOG" ] || [ ! -s "$CSV" ]; then
  echo "generating $EVENTS events (seed $SEED) into $BENCH_DIR …"
  python3 "$HERE/gen-log.py" --events "$EVENTS" --seed "$SEED" --csv "$CSV" "$LOG"
  tail -n +2 "$CSV" > "$ROWS"
fi
[ -s "$ROWS" ] || tail -n +2 "$CSV" > "$ROWS"

echo "log: $(wc -c < "$LOG") bytes, CSV: $(wc -c < "$CSV") bytes, $EVENTS events"

SCHEMA="CREATE TABLE events (id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL,
  at_text TEXT NOT NULL, decision TEXT NOT NULL, action TEXT NOT NULL, deal_arr REAL,
  sentiment REAL, industry TEXT, persona TEXT, objection TEXT, engagement REAL,
  stage_progressed INTEGER, days_in_stage INTEGER, tags TEXT, rec_escalated INTEGER,
  reviewed INTEGER, overridden INTEGER, quality_issue INTEGER, review_minutes REAL,
  extra TEXT);
CREATE INDEX events_by_time ON events (at, id);"

DB="$BENCH_DIR/bench.db"
WS="$BENCH_DIR/bench.onloop"
TIMES="$BENCH_DIR/times.txt"
: > "$TIMES"

# Runs a command under /usr/bin/time -v; appends "NAME SECONDS KB" to $TIMES.
measure () {
  name=$1
  shift
  /usr/bin/time -v -o "$BENCH_DIR/time.out" "$@" > "$BENCH_DIR/cmd.out" 2>&1 || {
    echo "$name failed:" >&2
    cat "$BENCH_DIR/cmd.out" >&2
    exit 1
  }
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split ($2, t, ":"); s = 0;
           for (i = 1; i <= n; i++) s = s * 60 + t[i];
           print s }' "$BENCH_DIR/time.out")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$BENCH_DIR/time.out")
  echo "$name $secs $kb" >> "$TIMES"
  printf '  %-14s %7.2f s  %8d KB\n' "$name" "$secs" "$kb"
}

fresh () {
  rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
}

for run in $(seq "$RUNS"); do
  echo "run $run/$RUNS"

  fresh "$DB"
  measure csv-new-table sqlite3 "$DB" ".import --csv $CSV events"

  fresh "$WS"
  "$CLI" --db "$WS" init
  measure import-log env G_MESSAGES_DEBUG=onloop-core "$CLI" --db "$WS" import-log "$LOG"
  sed -n 's/.*DEBUG: [0-9:.]*: /                 /p' "$BENCH_DIR/cmd.out"

  fresh "$DB"
  sqlite3 "$DB" "$SCHEMA"
  measure csv-indexed sqlite3 "$DB" ".import --csv $ROWS events"

  if [ -n "${PAGE_SIZE:-}" ]; then
    fresh "$WS"
    "$CLI" --db "$WS" init
    sqlite3 "$WS" "PRAGMA journal_mode = DELETE; PRAGMA page_size = $PAGE_SIZE; VACUUM;
                   PRAGMA journal_mode = WAL;" > /dev/null
    measure import-log-ps "$CLI" --db "$WS" import-log "$LOG"
  fi
done

fresh "$DB"
fresh "$WS"

median () {
  awk -v name="$1" -v col="$2" '$1 == name { print $col }' "$TIMES" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

base=$(median csv-new-table 2)
ours=$(median import-log 2)
indexed=$(median csv-indexed 2)
echo
echo "medians of $RUNS runs ($EVENTS events):"
printf '  sqlite3 .import, new table      %7.2f s  peak %s KB\n' "$base" "$(median csv-new-table 3)"
printf '  sqlite3 .import, indexed table  %7.2f s  peak %s KB\n' "$indexed" "$(median csv-indexed 3)"
printf '  onloop-cli import-log           %7.2f s  peak %s KB\n' "$ours" "$(median import-log 3)"
if [ -n "${PAGE_SIZE:-}" ]; then
  ps=$(median import-log-ps 2)
  printf '  import-log, %5d-byte pages    %7.2f s  peak %s KB\n' "$PAGE_SIZE" "$ps" "$(median import-log-ps 3)"
  awk -v a="$ps" -v b="$base" 'BEGIN { printf "ratio with %s-byte pages / .import (new table): %.2f\n", ENVIRON["PAGE_SIZE"], a / b }'
fi
awk -v a="$ours" -v b="$base" -v c="$indexed" 'BEGIN {
  printf "ratio import-log / .import (new table): %.2f (budget 1.50)\n", a / b;
  printf "ratio import-log / .import (indexed):   %.2f\n", a / c }'
