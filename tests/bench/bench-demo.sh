#!/bin/bash
# bench-demo.sh: how long `onloop-cli demo` takes, and the map file round trip
#
# Copyright 2026 The Onloop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: tests/bench/bench-demo.sh BUILD_DIR [WORK_DIR] [RUNS]
#
# Prints medians over RUNS runs of:
#   - onloop-cli demo as a whole process (aim: about a second), with its
#     peak RSS (GNU time);
#   - export-map --format csv and import-map of that file on the demo
#     workspace (27 decisions).
# Not a test: numbers depend on the machine (the demo is mostly fsync of
# its few dozen transactions) and on what else runs.

set -euo pipefail

build=$(realpath "${1:?usage: bench-demo.sh BUILD_DIR [WORK_DIR] [RUNS]}")
work=$(realpath -m "${2:-/tmp/onloop-bench-demo}")
runs=${3:-5}
cli="$build/src/cli/onloop-cli"

mkdir -p "$work"

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

demo_times=() demo_rss=() export_times=() import_times=()
for i in $(seq "$runs"); do
  db="$work/demo-$i.onloop"
  rm -f "$db" "$db-wal" "$db-shm"
  out=$( { /usr/bin/time -f '%e %M' "$cli" --db "$db" demo; } 2>&1 )
  demo_times+=("$(echo "$out" | tail -1 | cut -d' ' -f1)")
  demo_rss+=("$(echo "$out" | tail -1 | cut -d' ' -f2)")

  out=$( { /usr/bin/time -f '%e' "$cli" --db "$db" export-map --format csv > "$work/map.csv"; } 2>&1 )
  export_times+=("$(echo "$out" | tail -1)")
  out=$( { /usr/bin/time -f '%e' "$cli" --db "$db" import-map "$work/map.csv" > /dev/null; } 2>&1 )
  import_times+=("$(echo "$out" | tail -1)")
  rm -f "$db" "$db-wal" "$db-shm"
done

printf 'demo:        median %s s, peak RSS %s KB (%s runs)\n' \
  "$(printf '%s\n' "${demo_times[@]}" | median)" "$(printf '%s\n' "${demo_rss[@]}" | median)" "$runs"
printf 'export-map:  median %s s\n' "$(printf '%s\n' "${export_times[@]}" | median)"
printf 'import-map:  median %s s\n' "$(printf '%s\n' "${import_times[@]}" | median)"
