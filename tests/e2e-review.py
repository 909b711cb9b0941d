#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Review pane end to end through AT-SPI, as a person with a screen
# reader would: open the demo workspace, go to Review, import a decision log
# through the file chooser (typing its path), read the counts in the toast,
# draw a 30-event spot-check sample, mark events with the buttons and with
# the keyboard, and find the marks in the workspace afterwards.
#
# Runs on its own X server (Xvfb -displayfd) inside its own D-Bus session
# (dbus-run-session). Prints TAP. Environment: ONLOOP_CLI, ONLOOP_APP,
# GSETTINGS_SCHEMA_DIR. GTK widgets never report "showing" here; a widget
# counts as on screen when it is visible and has non-zero extents.

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time

from onloop_e2e import (INNER, Tap, children, cli, do_action, find, find_all, on_screen,
                        relaunch, text_of, wait_for)


def write_log(path, n):
    with open(path, "w") as f:
        for i in range(n):
            event = {"id": "e2e-%03d" % i, "at": "2026-11-17T%02d:%02d:00Z" % (8 + i % 10, i % 60),
                     "decision": "lead-routing" if i % 8 else "not-on-the-map",
                     "action": "route_to_queue", "context": {"deal_arr": 1000 + i * 250}}
            f.write(json.dumps(event) + "\n")


def main():
    import pyatspi

    def label_with(root, words):
        return find(root, lambda o: o.getRoleName() == "label" and words in text_of(o)
                    and on_screen(o))

    # GTK 4.8 names a button with a mnemonic "_Label Label".
    def button(root, name):
        return find(root, lambda o: o.getRoleName() in ("push button", "toggle button")
                    and (o.name or "").replace("_", "").split(" " + name)[0] in ("", name)
                    and name in (o.name or "").replace("_", "") and on_screen(o))

    def type_text(text):
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)

    def press(key):
        subprocess.run(["xdotool", "key", key], check=True)

    tap = Tap(8)
    directory = tempfile.mkdtemp(prefix="onloop-e2e-review-")
    db = os.path.join(directory, "Demo.onloop")
    log = os.path.join(directory, "week-47.jsonl")
    cli("--db", db, "demo")
    write_log(log, 40)

    env = dict(os.environ)
    for key in ("NO_AT_BRIDGE", "GTK_A11Y", INNER):
        env.pop(key, None)
    env.update(GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo", GDK_DEBUG="gl-disable",
               GTK_USE_PORTAL="0")
    app_process = subprocess.Popen([os.environ["ONLOOP_APP"], db], env=env)

    try:
        def find_app():
            for app in children(pyatspi.Registry.getDesktop(0)):
                if app.name == "onloop":
                    return app
            return None

        app = wait_for(find_app, 90)
        if not tap.ok(app is not None, "the app shows up on the accessibility bus"):
            return 1

        tab = wait_for(lambda: find(app, lambda o: o.getRoleName() == "page tab"
                                    and o.name == "Review"))
        do_action(tab)
        view = wait_for(lambda: find(app, lambda o: o.name == "OnloopReviewView" and on_screen(o)))
        chart = wait_for(lambda: find(app, lambda o: o.name == "Exception rate"
                                      and o.getRoleName() == "image" and on_screen(o)))
        description = chart.description if chart is not None else ""
        tap.ok(view is not None and "Target band 10 % to 15 %" in (description or ""),
               "Review shows the exception-rate chart, described with its band")

        # Import: the chooser takes a typed path (typing "/" opens its location entry).
        do_action(wait_for(lambda: button(view, "Import Log…")))
        chooser = wait_for(lambda: find(app, lambda o: "Import Decision Log" in (o.name or "")))
        time.sleep(0.5)
        # No window manager here: give the dialog the keyboard focus.
        subprocess.run(["xdotool", "search", "--sync", "--name", "Import Decision Log",
                        "windowfocus", "--sync"], check=False, timeout=20)
        type_text(log)
        time.sleep(0.5)
        if os.environ.get("ONLOOP_E2E_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["ONLOOP_E2E_SHOT"]])
        press("Return")
        # The counts come in a toast and stay above the pane until dismissed.
        toast = wait_for(lambda: label_with(view, "Imported 40 decisions"), 30)
        tap.ok(toast is not None
               and "5 unmapped" in text_of(toast) and "0 already present" in text_of(toast),
               "importing through the file chooser (%s) shows the counts: %s"
               % ("found" if chooser else "not found", text_of(toast) if toast else None))

        # Spot check: draw 30, mark two with the buttons, one with the keyboard.
        do_action(wait_for(lambda: button(view, "Draw Sample")))
        progress = wait_for(lambda: label_with(view, "0 of 30 reviewed"))
        queue = wait_for(lambda: find(view, lambda o: o.name == "Spot-check sample"))
        rows = wait_for(lambda: [r for r in find_all(queue, lambda o: o.getRoleName() == "list item")]
                        if len(find_all(queue, lambda o: o.getRoleName() == "list item")) == 30
                        else None)
        tap.ok(progress is not None and rows is not None, "a 30-event sample is drawn")

        do_action(button(rows[0], "Quality Issue"))
        do_action(button(rows[1], "OK"))
        tap.ok(wait_for(lambda: label_with(view, "2 of 30 reviewed")) is not None,
               "marking with the buttons counts: 2 of 30 reviewed")

        # The keys O and I on a focused row are covered by test-review
        # (GTK 4.8's AT-SPI bridge cannot move the focus to a row).
        do_action(button(rows[2], "OK"))
        tap.ok(wait_for(lambda: label_with(view, "3 of 30 reviewed")) is not None,
               "a third mark: 3 of 30 reviewed")

        ids = [(r.name or "").split(", ")[1].split(" · ")[1] for r in rows[:3]]
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()

    # Read back with the app closed: the marks and the events are in the file.
    marks = {row["event"]: row["verdict"]
             for row in csv.DictReader(io.StringIO(cli("--db", db, "export-marks", "--format", "csv")))}
    tap.ok(marks.get(ids[0]) == "quality-issue" and marks.get(ids[1]) == "ok"
           and marks.get(ids[2]) == "ok", "the marks are in the workspace: %s" % ids)
    metrics = json.loads(cli("--db", db, "metrics", "--format", "json"))
    w47 = [w for w in metrics["weeks"] if w["week"] == "2026-W47"]
    tap.ok(w47 and w47[0]["events"] == 40, "the imported week has its 40 events")

    return 1 if tap.failed else 0


if __name__ == "__main__":
    if os.environ.get(INNER) != "1":
        sys.exit(relaunch(__file__))
    sys.exit(main())
