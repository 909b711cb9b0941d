#!/usr/bin/env python3
# test-bad-input.py: every kind of bad file, end to end through onloop-cli
# and the workspace store.
#
# Each row of the tables below feeds one bad file to one command and
# asserts what a person would notice: the exit status (1 for bad input,
# PRODUCT.md §5), a message on stderr that names the file (and the line,
# for line-oriented formats), no sanitizer report or GLib warning, and the
# workspace file byte for byte as it was, with no -wal or -shm left beside
# it. A few rows are inputs that look dangerous but are valid (SQL-looking
# text): those must be accepted and stored verbatim. A control row per
# command imports a good file and must change the workspace, so the byte
# comparison can fail.
#
# Output is TAP, one case per row. Rows for a command this build does not
# have yet are skipped, naming the command.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.environ.get("ONLOOP_CLI", "onloop-cli")
TIMEOUT = 120

SANITIZER = re.compile(
    r"ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|SUMMARY: \w+Sanitizer")
GLIB_WARNING = re.compile(r"-(CRITICAL|WARNING) \*\*")

# ---- inputs --------------------------------------------------------------


def event(i, **fields):
    e = {"id": f"evt-{i}", "at": f"2026-11-0{1 + i % 8}T10:00:00Z",
         "decision": "follow-up-timing", "action": "send_follow_up"}
    e.update(fields)
    return json.dumps(e)


def lines(*rows):
    return ("\n".join(rows) + "\n").encode()


GOOD_LOG = lines(event(1), event(2, context={"deal_arr": 12000, "sentiment": 0.2}),
                 event(3, outcome={"escalated": True, "reviewed": True}))

GOOD_SPEC = json.dumps({
    "format": "onloop.spec/1",
    "decisions": [{"key": "follow-up-timing", "title": "Follow-up timing",
                   "category": "execution", "workflow": "follow-ups", "phase": "shadow",
                   "may": [{"id": "send_follow_up", "label": "Send follow-ups"}],
                   "uses": [], "must_not": []}],
    "triggers": [{"id": "deal-size", "kind": "deal_size", "enabled": True, "min_arr": 50000},
                 {"id": "negative-sentiment", "kind": "sentiment", "below": -0.3}],
}).encode()

GOOD_MAP_CSV = (b"key,title,workflow,category,description\r\n"
                b"follow-up-timing,Follow-up timing,follow-ups,execution,When to follow up\r\n"
                b"discount,Whether to discount,,judgment,\r\n")

GOOD_TIME = json.dumps([{"week": "2026-W45", "manager": "Dana", "execution_oversight": 6,
                         "exception_handling": 3, "strategy": 4, "coaching": 5,
                         "relationship_repair": 2, "other": 0}]).encode()

DEEP = 100000
SQLISH = "x'); DROP TABLE events; --"


def spec_with(**trigger):
    t = {"id": "deal-size", "kind": "deal_size", "enabled": True, "min_arr": 50000}
    t.update(trigger)
    return json.dumps({"format": "onloop.spec/1", "decisions": [], "triggers": [t]})


def thirty_mb_log():
    big = event(2, notes="a" * (30 * 1024 * 1024))
    return lines(event(1), big, event(3))


def thirty_mb_csv():
    return (b"key,title,workflow,category,description\r\n"
            b"a,A,,execution," + b"b" * (30 * 1024 * 1024) + b"\r\n")


def time_with(**fields):
    t = {"week": "2026-W45", "manager": "Dana", "strategy": 4}
    t.update(fields)
    return json.dumps(t)


# A row: (name, command, arguments, {file name: bytes | callable | DIR | FIFO},
#         expected exit status, regexes stderr must match, how the workspace
#         must be afterwards: "same" | "changed").
# In arguments, FILE is the first file's name.
DIR = object()

ROWS = [
    # -- the decision log (PRODUCT.md §2) --
    ("log: control, a good log is imported", "import-log", ["FILE"],
     {"log.jsonl": lines(event(11), event(12), event(13))}, 0, [r"imported: 3"], "changed"),
    ("log: truncated last line", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1), event(2), event(3)[:-20])}, 1, [r"log\.jsonl:3: "], "same"),
    ("log: wrong type (id is a number)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1), '{"id":7,"at":"2026-11-03T10:00:00Z","decision":"d","action":"a"}')},
     1, [r"log\.jsonl:2: .*id"], "same"),
    ("log: wrong type (deal_arr is a string)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1, context={"deal_arr": "big"}))}, 1, [r"log\.jsonl:1: .*deal_arr"], "same"),
    ("log: NaN", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1), event(2)[:-1] + ',"context":{"sentiment":NaN}}')},
     1, [r"log\.jsonl:2: "], "same"),
    ("log: Infinity", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1)[:-1] + ',"context":{"deal_arr":Infinity}}')},
     1, [r"log\.jsonl:1: "], "same"),
    ("log: huge number (1e400)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1)[:-1] + ',"context":{"deal_arr":1e400}}')},
     1, [r"log\.jsonl:1: .*deal_arr"], "same"),
    ("log: huge integer (days_in_stage 10^20)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1)[:-1] + ',"context":{"days_in_stage":100000000000000000000}}')},
     1, [r"log\.jsonl:1: .*days_in_stage"], "same"),
    ("log: number out of range (sentiment 1.5)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1), event(2), event(3, context={"sentiment": 1.5}))},
     1, [r"log\.jsonl:3: .*sentiment"], "same"),
    ("log: invalid UTF-8", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1)) + b'{"id":"evt-\xff\xfe","at":"2026-11-03T10:00:00Z","decision":"d","action":"a"}\n'},
     1, [r"log\.jsonl:2: "], "same"),
    ("log: lone UTF-16 surrogate escape", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1, action="a\\ud800b").replace("\\\\", "\\"))},
     1, [r"log\.jsonl:1: "], "same"),
    ("log: an escape JSON does not have (\\202)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1, action="a\\202b").replace("\\\\", "\\"))},
     1, [r"log\.jsonl:1: "], "same"),
    ("log: NUL byte inside a line", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1)) + b'{"id":"evt\x00-2","at":"2026-11-03T10:00:00Z","decision":"d","action":"a"}\n'},
     1, [r"log\.jsonl:2: "], "same"),
    ("log: a 30 MB line", "import-log", ["FILE"],
     {"log.jsonl": thirty_mb_log}, 1, [r"log\.jsonl:2: "], "same"),
    ("log: deep nesting (100,000 arrays)", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1)[:-1] + ',"x":' + "[" * DEEP + "]" * DEEP + "}")},
     1, [r"log\.jsonl:1: "], "same"),
    ("log: duplicate id in one file", "import-log", ["FILE"],
     {"log.jsonl": lines(event(11), event(12), event(11))}, 1, [r"log\.jsonl:3: .*evt-11"], "same"),
    ("log: duplicate id in one file, already in the workspace", "import-log", ["FILE"],
     {"log.jsonl": lines(event(11), event(1), event(1))}, 1, [r"log\.jsonl:3: .*evt-1"], "same"),
    ("log: duplicate field in one object", "import-log", ["FILE"],
     {"log.jsonl": lines('{"id":"a","id":"b","at":"2026-11-03T10:00:00Z","decision":"d","action":"a"}')},
     1, [r"log\.jsonl:1: "], "same"),
    ("log: missing required field", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1), '{"id":"b","decision":"d","action":"a"}')}, 1, [r"log\.jsonl:2: .*at"], "same"),
    ("log: not a timestamp", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1, at="2026-13-45 25:00"))}, 1, [r"log\.jsonl:1: .*at"], "same"),
    ("log: not JSON at all (binary)", "import-log", ["FILE"],
     {"log.jsonl": bytes(range(256)) * 4}, 1, [r"log\.jsonl:1: "], "same"),
    ("log: a JSON array, not an object", "import-log", ["FILE"],
     {"log.jsonl": lines("[1,2,3]")}, 1, [r"log\.jsonl:1: "], "same"),
    ("log: SQL-looking strings are kept verbatim", "import-log", ["FILE"],
     {"log.jsonl": lines(event(1, id=SQLISH, decision="a\"; DELETE FROM decisions; --",
                              action="'; PRAGMA writable_schema=1; --",
                              context={"industry": "Robert'); DROP TABLE students;--"}))},
     0, [r"imported: 1"], "changed"),
    ("log: empty file imports nothing", "import-log", ["FILE"],
     {"log.jsonl": b""}, 0, [r"imported: 0"], "same"),
    ("log: a directory", "import-log", ["FILE"], {"logdir": DIR}, 1, [r"logdir"], "same"),
    ("log: a missing file", "import-log", ["missing.jsonl"], {}, 1, [r"missing\.jsonl"], "same"),

    # -- the spec (PRODUCT.md §3) --
    ("spec: control, a good spec is imported", "import-spec", ["FILE"],
     {"spec.json": GOOD_SPEC}, 0, [], "changed"),
    ("spec: truncated", "import-spec", ["FILE"],
     {"spec.json": GOOD_SPEC[: len(GOOD_SPEC) // 2]}, 1, [r"spec\.json: "], "same"),
    ("spec: wrong type (min_arr is a string)", "import-spec", ["FILE"],
     {"spec.json": spec_with(min_arr="50000").encode()}, 1, [r"spec\.json: .*min_arr"], "same"),
    ("spec: NaN", "import-spec", ["FILE"],
     {"spec.json": spec_with(min_arr=0).replace('"min_arr": 0', '"min_arr": NaN').encode()},
     1, [r"spec\.json: "], "same"),
    ("spec: huge number (1e400)", "import-spec", ["FILE"],
     {"spec.json": spec_with(min_arr=0).replace('"min_arr": 0', '"min_arr": 1e400').encode()},
     1, [r"spec\.json: .*min_arr"], "same"),
    ("spec: invalid UTF-8", "import-spec", ["FILE"],
     {"spec.json": spec_with().replace("deal-size", "deal-\udcff", 1).encode("utf-8", "surrogateescape")},
     1, [r"spec\.json: "], "same"),
    ("spec: an escape JSON does not have (\\202) that decodes to invalid UTF-8", "import-spec", ["FILE"],
     {"spec.json": b'{"format":"onloop.spec/1","decisions":[],"triggers":[{"id":"t","kind":"ethical","tags":["x\\202"]}]}'},
     1, [r"spec\.json: "], "same"),
    ("spec: deep nesting (100,000 arrays)", "import-spec", ["FILE"],
     {"spec.json": ('{"format":"onloop.spec/1","x":' + "[" * DEEP + "]" * DEEP + "}").encode()},
     1, [r"spec\.json: "], "same"),
    ("spec: duplicate trigger ids", "import-spec", ["FILE"],
     {"spec.json": json.dumps({"format": "onloop.spec/1", "decisions": [], "triggers": [
         {"id": "t", "kind": "deal_size", "min_arr": 1}, {"id": "t", "kind": "sentiment", "below": 0}]}).encode()},
     1, [r"spec\.json: .*triggers\[1\]"], "same"),
    ("spec: duplicate decision keys", "import-spec", ["FILE"],
     {"spec.json": json.dumps({"format": "onloop.spec/1", "triggers": [], "decisions": [
         {"key": "a", "title": "A", "category": "execution"},
         {"key": "a", "title": "A again", "category": "judgment"}]}).encode()},
     1, [r"spec\.json: .*decisions\[1\]"], "same"),
    ("spec: SQL-looking key is not a slug", "import-spec", ["FILE"],
     {"spec.json": json.dumps({"format": "onloop.spec/1", "triggers": [], "decisions": [
         {"key": SQLISH, "title": "A", "category": "execution"}]}).encode()},
     1, [r"spec\.json: .*decisions\[0\]\.key"], "same"),
    ("spec: another format", "import-spec", ["FILE"],
     {"spec.json": b'{"format":"onloop.spec/9","decisions":[],"triggers":[]}'}, 1, [r"spec\.json: .*format"], "same"),
    ("spec: empty file", "import-spec", ["FILE"], {"spec.json": b""}, 1, [r"spec\.json"], "same"),
    ("spec: a directory", "import-spec", ["FILE"], {"specdir": DIR}, 1, [r"specdir"], "same"),
    ("spec: a missing file", "import-spec", ["missing.json"], {}, 1, [r"missing\.json"], "same"),
    ("evaluate: a missing spec", "evaluate", ["--spec", "missing.json"], {}, 1, [r"missing\.json"], "none"),
    ("evaluate: a bad spec", "evaluate", ["--spec", "FILE"],
     {"spec.json": spec_with(min_arr=-5).encode()}, 1, [r"spec\.json: .*min_arr"], "none"),

    # -- the decision map (PRODUCT.md §5) --
    ("map: control, a good CSV map is imported", "import-map", ["FILE"],
     {"map.csv": GOOD_MAP_CSV}, 0, [], "changed"),
    ("map: CSV truncated inside a quoted cell", "import-map", ["FILE"],
     {"map.csv": GOOD_MAP_CSV + b'late,"Late arrival,,unsorted,\r\n'}, 1, [r"map\.csv:4"], "same"),
    ("map: JSON truncated", "import-map", ["FILE"],
     {"map.json": b'{"format":"onloop.map/1","decisions":[{"key":"a","title":"A"'}, 1, [r"map\.json"], "same"),
    ("map: wrong type (frequency is a string)", "import-map", ["FILE"],
     {"map.json": json.dumps({"format": "onloop.map/1", "decisions": [
         {"key": "a", "title": "A", "frequency_per_week": "often"}]}).encode()},
     1, [r"map\.json: .*decisions\[0\]\.frequency_per_week"], "same"),
    ("map: wrong category", "import-map", ["FILE"],
     {"map.csv": b"key,title,category\r\na,A,execution\r\nb,B,maybe\r\n"}, 1, [r"map\.csv:3: .*maybe"], "same"),
    ("map: NaN frequency in CSV", "import-map", ["FILE"],
     {"map.csv": b"key,title,frequency_per_week\r\na,A,NaN\r\n"}, 1, [r"map\.csv:2: "], "same"),
    ("map: huge frequency (1e400) in JSON", "import-map", ["FILE"],
     {"map.json": b'{"format":"onloop.map/1","decisions":[{"key":"a","title":"A","frequency_per_week":1e400}]}'},
     1, [r"map\.json: "], "same"),
    ("map: invalid UTF-8 on line 3", "import-map", ["FILE"],
     {"map.csv": b"key,title\r\na,A\r\nb,B\xc3\x28\r\n"}, 1, [r"map\.csv"], "same"),
    ("map: an escape JSON does not have (\\202) that decodes to invalid UTF-8", "import-map", ["FILE"],
     {"map.json": b'{"format":"onloop.map/1","decisions":[{"key":"a","title":"T\\202x"}]}'},
     1, [r"map\.json: "], "same"),
    ("map: a 30 MB cell is refused or kept whole", "import-map", ["FILE"],
     {"map.csv": thirty_mb_csv}, None, [], "any"),
    ("map: deep nesting (100,000 arrays)", "import-map", ["FILE"],
     {"map.json": ('{"format":"onloop.map/1","decisions":' + "[" * DEEP + "]" * DEEP + "}").encode()},
     1, [r"map\.json"], "same"),
    ("map: duplicate keys", "import-map", ["FILE"],
     {"map.csv": b"key,title\r\na,A\r\nb,B\r\na,A again\r\n"}, 1, [r"map\.csv:4: .*line 2"], "same"),
    ("map: SQL-looking key is not a slug", "import-map", ["FILE"],
     {"map.csv": ("key,title\r\n\"" + SQLISH + "\",A\r\n").encode()}, 1, [r"map\.csv:2: "], "same"),
    ("map: SQL-looking title is kept verbatim", "import-map", ["FILE"],
     {"map.csv": ("key,title\r\nsql-title,\"" + SQLISH + "\"\r\n").encode()}, 0, [], "changed"),
    ("map: empty file", "import-map", ["FILE"], {"map.csv": b""}, 1, [r"map\.csv"], "same"),
    ("map: a directory", "import-map", ["FILE"], {"mapdir": DIR}, 1, [r"mapdir"], "same"),
    ("map: a missing file", "import-map", ["missing.csv"], {}, 1, [r"missing\.csv"], "same"),

    # -- manager time entries (PRODUCT.md §4) --
    ("time: control, a good entry is imported", "import-time", ["FILE"],
     {"time.json": GOOD_TIME}, 0, [], "changed"),
    ("time: truncated", "import-time", ["FILE"],
     {"time.json": GOOD_TIME[:-10]}, 1, [r"time\.json"], "same"),
    ("time: wrong type (hours as a string)", "import-time", ["FILE"],
     {"time.json": time_with(strategy="4").encode()}, 1, [r"time\.json: .*strategy"], "same"),
    ("time: NaN", "import-time", ["FILE"],
     {"time.json": time_with(strategy=0).replace('"strategy": 0', '"strategy": NaN').encode()},
     1, [r"time\.json"], "same"),
    ("time: huge number (1e400)", "import-time", ["FILE"],
     {"time.json": time_with(strategy=0).replace('"strategy": 0', '"strategy": 1e400').encode()},
     1, [r"time\.json: .*strategy"], "same"),
    ("time: negative hours", "import-time", ["FILE"],
     {"time.json": ("[" + time_with() + "," + time_with(manager="Sam", coaching=-1) + "]").encode()},
     1, [r"time\.json: .*\[1\]\.coaching"], "same"),
    ("time: week 54", "import-time", ["FILE"],
     {"time.json": time_with(week="2026-W54").encode()}, 1, [r"time\.json: .*week"], "same"),
    ("time: invalid UTF-8", "import-time", ["FILE"],
     {"time.json": time_with(manager="D\udcffna").encode("utf-8", "surrogateescape")}, 1, [r"time\.json"], "same"),
    ("time: an escape JSON does not have (\\202) that decodes to invalid UTF-8", "import-time", ["FILE"],
     {"time.json": b'{"week":"2026-W45","manager":"D\\202na","strategy":1}'},
     1, [r"time\.json: "], "same"),
    ("time: deep nesting (100,000 arrays)", "import-time", ["FILE"],
     {"time.json": ("[" * DEEP + "]" * DEEP).encode()}, 1, [r"time\.json"], "same"),
    ("time: SQL-looking manager is kept verbatim", "import-time", ["FILE"],
     {"time.json": time_with(manager=SQLISH).encode()}, 0, [], "changed"),
    ("time: empty file", "import-time", ["FILE"], {"time.json": b""}, 1, [r"time\.json"], "same"),
    ("time: a directory", "import-time", ["FILE"], {"timedir": DIR}, 1, [r"timedir"], "same"),
    ("time: a missing file", "import-time", ["missing.json"], {}, 1, [r"missing\.json"], "same"),
]


# ---- workspaces that must be refused ---------------------------------------

def make_foreign(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.execute("INSERT INTO notes (text) VALUES ('someone else''s data')")
    db.commit()
    db.close()


def make_newer(path, good):
    shutil.copyfile(good, path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 9999")
    db.commit()
    db.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def make_corrupted(path, good):
    data = bytearray(open(good, "rb").read())
    # Keep the header (so it still looks like SQLite), scramble the pages of
    # the schema and the tables after it.
    page = int.from_bytes(data[16:18], "big") or 65536
    for i in range(100, len(data), 7):
        if i > page // 2:
            data[i] = (data[i] * 31 + 7) & 0xFF
    open(path, "wb").write(data)


def make_truncated(path, good):
    data = open(good, "rb").read()
    open(path, "wb").write(data[: len(data) // 2 + 100])


WORKSPACE_KINDS = [
    ("a foreign SQLite file", "foreign.sqlite", lambda p, g: make_foreign(p)),
    ("a corrupted workspace", "corrupted.onloop", make_corrupted),
    ("a truncated workspace", "truncated.onloop", make_truncated),
    ("a workspace from a newer Onloop", "newer.onloop", make_newer),
    ("an empty file", "empty.onloop", lambda p, g: open(p, "wb").close()),
    ("a text file", "notes.onloop", lambda p, g: open(p, "w").write("just some notes\n" * 100)),
    ("a directory", "folder.onloop", lambda p, g: os.mkdir(p)),
    ("a missing file", "missing.onloop", None),
]
WORKSPACE_COMMANDS = [
    ("check", []),
    ("metrics", []),
    ("import-log", ["good.jsonl"]),
]


# ---- running -----------------------------------------------------------------

class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, name, problems, skip=None):
        self.n += 1
        if skip:
            print(f"ok {self.n} - {name} # SKIP {skip}")
        elif problems:
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            for p in problems:
                for line in str(p).splitlines()[:40]:
                    print(f"#   {line}")
        else:
            print(f"ok {self.n} - {name}")
        sys.stdout.flush()


def run(args, cwd, user=None):
    cmd = [CLI] + args
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"] + cmd
    p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=TIMEOUT)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def fingerprint(path):
    if os.path.isdir(path):
        return "directory"
    if not os.path.exists(path):
        return "missing"
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def leftovers(path):
    return [path + s for s in ("-wal", "-shm", "-journal") if os.path.exists(path + s)]


def check_output(status, stdout, stderr, expected_status, patterns, problems):
    if expected_status is not None and status != expected_status:
        problems.append(f"exit status {status}, expected {expected_status}")
    if SANITIZER.search(stderr):
        problems.append("sanitizer report:\n" + stderr[-3000:])
    if GLIB_WARNING.search(stderr):
        problems.append("GLib warning or critical:\n" + stderr[-2000:])
    text = stdout + stderr
    for pattern in patterns:
        if not re.search(pattern, text):
            problems.append(f"output does not match /{pattern}/:\n{text[-1500:]}")
    if expected_status == 1 and not stderr.strip():
        problems.append("no message on stderr")


def main():
    top = tempfile.mkdtemp(prefix="onloop-bad-input-")
    os.chmod(top, 0o755)
    tap = Tap()
    try:
        help_text = run(["--help"], top)[1] + run(["--help"], top)[2]
        commands = set(re.findall(r"^  ([a-z][a-z-]+) ", help_text, re.M))

        good = os.path.join(top, "good.onloop")
        status, out, err = run(["--db", good, "init"], top)
        if status != 0:
            print("Bail out! onloop-cli init failed: " + err)
            return 1
        open(os.path.join(top, "good.jsonl"), "wb").write(GOOD_LOG)
        if "import-log" in commands:
            run(["--db", good, "import-log", "good.jsonl"], top)

        n_rows = len(ROWS) + len(WORKSPACE_KINDS) * len(WORKSPACE_COMMANDS) + 3
        print(f"1..{n_rows}")

        for i, (name, command, args, files, expected, patterns, after) in enumerate(ROWS):
            if command not in commands:
                tap.result(name, [], skip=f"onloop-cli has no {command} command in this build")
                continue
            case = os.path.join(top, f"case-{i}")
            os.mkdir(case)
            db = os.path.join(case, "team.onloop")
            shutil.copyfile(good, db)
            names = list(files)
            for fname, content in files.items():
                fpath = os.path.join(case, fname)
                if content is DIR:
                    os.mkdir(fpath)
                else:
                    open(fpath, "wb").write(content() if callable(content) else content)
            argv = [a if a != "FILE" else names[0] for a in args]
            before = fingerprint(db)
            full = ([] if after == "none" else ["--db", "team.onloop"]) + [command] + argv
            problems = []
            status, out, err = run(full, case)
            check_output(status, out, err, expected, patterns, problems)
            now = fingerprint(db)
            if after == "same" and now != before:
                problems.append("the workspace changed")
            if after == "changed" and now == before:
                problems.append("the workspace did not change (the control is broken)")
            if leftovers(db):
                problems.append(f"left beside the workspace: {leftovers(db)}")
            if after == "changed" and "SQL" in name:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
                for t in ("events", "decisions"):
                    if t not in tables:
                        problems.append(f"table {t} is gone")
                if command == "import-log":
                    ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE id = ?", (SQLISH,))]
                    if ids != [SQLISH]:
                        problems.append("the SQL-looking id was not stored verbatim")
                ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
                conn.close()
                if ok != "ok":
                    problems.append(f"integrity check: {ok}")
            tap.result(name, problems)
            shutil.rmtree(case, ignore_errors=True)

        # Workspaces that must be refused, untouched, by every kind of command.
        for kind, fname, make in WORKSPACE_KINDS:
            for command, args in WORKSPACE_COMMANDS:
                name = f"workspace: {kind}, {command}"
                if command not in commands:
                    tap.result(name, [], skip=f"onloop-cli has no {command} command in this build")
                    continue
                case = tempfile.mkdtemp(dir=top)
                path = os.path.join(case, fname)
                if make is not None:
                    make(path, good)
                open(os.path.join(case, "good.jsonl"), "wb").write(GOOD_LOG)
                before = fingerprint(path)
                problems = []
                status, out, err = run(["--db", fname, command] + args, case)
                check_output(status, out, err, 1, [re.escape(fname)], problems)
                if fingerprint(path) != before:
                    problems.append(f"the file changed ({before} → {fingerprint(path)})")
                if leftovers(path):
                    problems.append(f"left beside it: {leftovers(path)}")
                tap.result(name, problems)
                shutil.rmtree(case, ignore_errors=True)

        # No permission. As root every file is readable, so the command runs
        # as the unprivileged user nobody (65534) instead, when it can.
        user = None
        skip = None
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                skip = "running as root and setpriv is missing, so nothing is unreadable"
            else:
                user = 65534
                probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                        CLI, "--help"], capture_output=True)
                if probe.returncode != 0:
                    skip = "running as root and the build is not executable by nobody"
        case = tempfile.mkdtemp(dir=top)
        os.chmod(case, 0o777)
        db = os.path.join(case, "team.onloop")
        shutil.copyfile(good, db)
        if user is not None:
            os.chown(db, user, user)
        unreadable_log = os.path.join(case, "secret.jsonl")
        open(unreadable_log, "wb").write(GOOD_LOG)
        os.chmod(unreadable_log, 0o000)
        unreadable_db = os.path.join(case, "locked.onloop")
        shutil.copyfile(good, unreadable_db)
        os.chmod(unreadable_db, 0o000)
        readonly_db = os.path.join(case, "readonly.onloop")
        shutil.copyfile(good, readonly_db)
        os.chmod(readonly_db, 0o444)
        for name, argv, named, path in [
            ("no permission: an unreadable log", ["--db", "team.onloop", "import-log", "secret.jsonl"],
             "secret.jsonl", db),
            ("no permission: an unreadable workspace", ["--db", "locked.onloop", "metrics"],
             "locked.onloop", unreadable_db),
            ("no permission: a read-only workspace", ["--db", "readonly.onloop", "import-log", "good.jsonl"],
             "readonly.onloop", readonly_db),
        ]:
            if skip or argv[2] not in commands:
                tap.result(name, [], skip=skip or f"onloop-cli has no {argv[2]} command in this build")
                continue
            open(os.path.join(case, "good.jsonl"), "wb").write(GOOD_LOG)
            before = fingerprint(path)
            problems = []
            status, out, err = run(argv, case, user=user)
            check_output(status, out, err, 1, [re.escape(named)], problems)
            if fingerprint(path) != before:
                problems.append("the workspace changed")
            tap.result(name, problems)
    finally:
        shutil.rmtree(top, ignore_errors=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
