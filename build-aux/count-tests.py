#!/usr/bin/env python3
# Counts individual test cases in meson's testlog.json: each TAP "ok" or
# "not ok" line is one case; a test without TAP counts as one case; a TAP
# test that crashed counts one failure more. Prints "N passed, M failed".
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = skipped = 0
failures = []

with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        test = json.loads(line)
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
                    failures.append(f"{test['name']}: {tap}")
        if oks + nots + skips == 0:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
                failures.append(f"{test['name']}: {result}")
            continue
        passed += oks
        failed += nots
        skipped += skips
        if result not in ("OK", "EXPECTEDFAIL", "SKIP") and nots == 0:
            failed += 1
            failures.append(f"{test['name']}: {result} after {oks} passing cases")

for failure in failures:
    print(f"FAILED {failure}")
summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
