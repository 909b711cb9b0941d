#!/usr/bin/env python3
# Counts individual test cases in one or more of meson's testlog.json files
# (the plain build and the sanitizer build) and prints one line
# "N passed, M failed" for all of them together.
#
#   count-tests.py [LABEL=]testlog.json [[LABEL=]testlog.json …]
#
# Each TAP "ok" or "not ok" line is one case; a test without TAP counts as
# one case; a TAP test that crashed or leaked after its last case (a
# sanitizer report at exit) counts one failure more. Skipped cases are
# named on a line of their own, above the last. A run whose log is
# missing counts one failure: it did not run. Exit status 1 when any failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = skipped = 0
failures = []


def count_log(label, path):
    global passed, failed, skipped
    prefix = f"[{label}] " if label else ""
    try:
        log = open(path, encoding="utf-8")
    except OSError as error:
        failed += 1
        failures.append(f"{prefix}no test log: {error}")
        return
    with log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            name = prefix + test["name"]
            result = test.get("result", "")
            stdout = test.get("stdout") or ""
            oks = nots = skips = 0
            for tap in stdout.splitlines():
                if re.match(r"^ok\b", tap):
                    if re.search(r"#\s*SKIP", tap, re.I):
                        skips += 1
                    else:
                        oks += 1
                elif re.match(r"^not ok\b", tap):
                    if re.search(r"#\s*TODO", tap, re.I):
                        skips += 1
                    else:
                        nots += 1
                        failures.append(f"{name}: {tap}")
            if oks + nots + skips == 0:
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
                    failures.append(f"{name}: {result}")
                continue
            passed += oks
            failed += nots
            skipped += skips
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and nots == 0:
                failed += 1
                failures.append(f"{name}: {result} after {oks} passing cases")


for arg in sys.argv[1:]:
    label, sep, path = arg.partition("=")
    if not sep:
        label, path = "", arg
    count_log(label, path)

for failure in failures:
    print(f"FAILED {failure}")
if skipped:
    print(f"({skipped} skipped, not counted below)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
