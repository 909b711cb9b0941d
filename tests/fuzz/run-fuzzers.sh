#!/usr/bin/env bash
# tests/fuzz/run-fuzzers.sh: runs the libFuzzer targets for a while each.
#
#   tests/fuzz/run-fuzzers.sh DURATION [TARGET …]
#
# DURATION is seconds per target (600 for a real run). TARGETs are
# log-line, spec, map, time-entry; all of them by default. Targets run one
# after the other, each as a single process (the machine is small);
# ONLOOP_FUZZ_PARALLEL=2 runs two at a time.
#
# Builds with clang-14 (-fsanitize=fuzzer,address,undefined) in
# ${ONLOOP_FUZZ_BUILD_DIR:-_build-fuzz}, installing clang-14 and
# libclang-rt-14-dev with apt-get when they are missing. Each target starts
# from its seed corpus (tests/fuzz/corpus/TARGET) plus what earlier runs
# found (BUILD/fuzz/TARGET/corpus). A crash, leak, sanitizer report or
# broken promise is written to BUILD/fuzz/TARGET/crash-* etc.; copy it to
# tests/fuzz/regressions/TARGET/ so that the normal test suite replays it
# (tests/fuzz/meson.build). Prints executions per target; exits 1 when a
# target found something. ONLOOP_FUZZ_KEEP_GOING=1 keeps a target running
# after a finding (libFuzzer's -fork=1 -ignore_crashes=1), to look past a
# known bug.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="${ONLOOP_FUZZ_BUILD_DIR:-$top/_build-fuzz}"
parallel="${ONLOOP_FUZZ_PARALLEL:-1}"
keep_going=()
[ "${ONLOOP_FUZZ_KEEP_GOING:-0}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
all_targets=(log-line spec map time-entry)

say() { printf 'run-fuzzers: %s\n' "$*" >&2; }

duration="${1:-}"
case "$duration" in
  ''|*[!0-9]*) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

install_clang() {
  local missing=() sudo=()
  for pkg in clang-14 libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_fuzzers() {
  if [ ! -f "$build/build.ninja" ]; then
    # fuzzer-no-link gives the core library libFuzzer's coverage
    # instrumentation; the targets themselves link -fsanitize=fuzzer.
    CC=clang-14 meson setup "$build" "$top" -Dfuzzing=true -Dapp=false \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
  fi
  local exes=()
  for t in "${targets[@]}"; do exes+=("tests/fuzz/fuzz-$t"); done
  ninja -C "$build" "${exes[@]}" >/dev/null
}

# Runs one target for $duration seconds; prints one summary line.
run_one() {
  local t=$1 work="$build/fuzz/$1" exe="$build/tests/fuzz/fuzz-$1" dict=()
  mkdir -p "$work/corpus"
  [ -f "$top/tests/fuzz/$t.dict" ] && dict=(-dict="$top/tests/fuzz/$t.dict")
  local started=$SECONDS status=0
  touch "$work/log.txt.start"
  ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    "$exe" "$work/corpus" "$top/tests/fuzz/corpus/$t" \
      "${dict[@]}" "${keep_going[@]}" \
      -max_total_time="$duration" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$work/" -print_final_stats=1 \
      > "$work/log.txt" 2>&1 || status=$?
  local execs found
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt" | tail -1)
  # -fork=1 prints no final stats; its progress lines start "#EXECUTIONS:".
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\): .*/\1/p' "$work/log.txt" | tail -1)
  found=$(find "$work" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' \
            -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$work/log.txt.start" | wc -l)
  printf '%-11s %12s executions in %4d s, corpus %5d inputs, %d findings%s\n' \
    "$t" "${execs:-?}" $((SECONDS - started)) "$(ls "$work/corpus" | wc -l)" "$found" \
    "$([ $status -ne 0 ] && echo " (exit $status, see $work/log.txt)")"
  [ $status -eq 0 ] && [ "$found" -eq 0 ]
}

install_clang
build_fuzzers

failed=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$parallel" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done

if [ $failed -ne 0 ]; then
  say "something was found: copy each crash-*/leak-*/timeout-* of $build/fuzz/TARGET/ to tests/fuzz/regressions/TARGET/"
fi
exit $failed
