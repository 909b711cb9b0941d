#!/bin/bash
# bench-review.sh: the Review pane's budgets on a 1,000,000-event workspace
#
# Copyright 2026 The Onloop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: tests/bench/bench-review.sh BUILD_DIR [WORK_DIR] [RUNS]
#
# Generates a seeded 1M-event log over 52 weeks with gen-log.py and a
# workspace with the bench spec (both kept in WORK_DIR between runs), then
# runs bench-review on a display (DISPLAY, or an Xvfb of its own) and
# prints its medians: open and first draw of the charts (budget 200 ms),
# the engine snapshot's load with the longest frame gap meanwhile, resident
# memory (budget 150 MB), one calibration slider step (budget 16 ms), and
# the longest frame gap while a 100,000-event log is imported into a copy.
# Not a test: numbers depend on the machine. Keep RUNS small on a shared one.

set -euo pipefail

build=$(realpath "${1:?usage: bench-review.sh BUILD_DIR [WORK_DIR] [RUNS]}")
work=$(realpath -m "${2:-/tmp/onloop-bench-review}")
runs=${3:-5}
here=$(dirname "$(realpath "$0")")
cli="$build/src/cli/onloop-cli"
events=${ONLOOP_BENCH_EVENTS:-1000000}

mkdir -p "$work"
log="$work/log-$events.jsonl"
extra="$work/extra-100000.jsonl"
db="$work/review-$events.onloop"

if [ ! -s "$log" ]; then
  echo "generating $events events…"
  python3 "$here/gen-log.py" --events "$events" --seed 7 --weeks 52 "$log"
fi
if [ ! -s "$extra" ]; then
  # Other ids (seed 8 draws the same ids: rename them), a week later.
  python3 "$here/gen-log.py" --events 100000 --seed 8 --weeks 2 --end 2026-12-07T00:00:00+00:00 \
    "$extra.tmp"
  sed 's/"id": *"/&extra-/' "$extra.tmp" > "$extra"
  rm -f "$extra.tmp"
fi
if [ ! -s "$db" ]; then
  "$cli" --db "$db" init
  "$cli" --db "$db" import-spec "$here/bench-spec.json" > /dev/null
  echo "importing…"
  "$cli" --db "$db" import-log "$log" > /dev/null
  # Publish, so that recorded and evaluated escalations have a spec in force,
  # and bring the weekly table and the column cache up to date once.
  "$cli" --db "$db" publish --note "Bench" > /dev/null
  "$cli" --db "$db" metrics > /dev/null
fi

xvfb_pid=
if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 400 499); do
    [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp 2> /dev/null &
    xvfb_pid=$!
    export DISPLAY=":$n"
    sleep 1
    break
  done
fi
cleanup () { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null || true; }
trap cleanup EXIT

export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GSETTINGS_BACKEND=memory GTK_A11Y=none
export GSETTINGS_SCHEMA_DIR="$build/data"

copy="$work/review-import-copy.onloop"
cp "$db" "$copy"
args=("$copy" "$runs")
[ -s "$extra" ] && args+=(--import "$extra")
"$build/tests/bench-review" "${args[@]}"
rm -f "$copy" "$copy-wal" "$copy-shm"
