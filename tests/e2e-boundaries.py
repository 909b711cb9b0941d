#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end through AT-SPI, as a person with a screen reader would: open a
# workspace, go to Boundaries, show the triggers, type a new deal-size
# threshold (the live preview moves), set it, publish with a note, and read
# the published version back with onloop-cli.
#
# Runs on its own X server (Xvfb on a free display) inside its own D-Bus session
# (dbus-run-session), so the accessibility bus it starts never meets
# another test's display. Prints TAP.
#
# Environment: ONLOOP_CLI and GSETTINGS_SCHEMA_DIR; the app is the first argument
# (or ONLOOP_APP).
# GTK widgets never report "showing" here; a widget counts as on screen
# when it is visible and has non-zero extents.

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

from onloop_e2e import (INNER, Tap, children, cli, do_action, find, on_screen, relaunch, text_of,
                        wait_for)


def make_workspace(directory):
    db = os.path.join(directory, "Sales Team.onloop")
    spec = {"format": "onloop.spec/1",
            "decisions": [
                {"key": "follow-up-timing", "title": "Follow-up timing", "category": "execution",
                 "workflow": "Follow-ups", "phase": "exception-only",
                 "may": [{"id": "send-follow-up", "label": "Send follow-ups"}],
                 "uses": [{"id": "crm-history", "label": "CRM history"}],
                 "must_not": [{"id": "commit-pricing", "label": "Commit to pricing"}]},
                {"key": "discount-approval", "title": "Discount approval", "category": "judgment"}],
            "triggers": [
                {"id": "deal-size", "kind": "deal_size", "enabled": True, "min_arr": 50000},
                {"id": "negative-sentiment", "kind": "sentiment", "enabled": True, "below": -0.6}]}
    with open(os.path.join(directory, "spec.json"), "w") as f:
        json.dump(spec, f)
    rnd = random.Random(3)
    with open(os.path.join(directory, "log.jsonl"), "w") as f:
        for i in range(600):
            day = 1 + i * 40 // 600
            event = {"id": "e%04d" % i,
                     "at": "2026-%02d-%02dT10:%02d:00Z" % (9 + (day - 1) // 30, 1 + (day - 1) % 30, i % 60),
                     "decision": rnd.choice(["follow-up-timing", "discount-approval"]),
                     "action": "send-follow-up",
                     "context": {"deal_arr": rnd.choice([8000, 20000, 40000, 60000, 80000, 150000]),
                                 "sentiment": round(rnd.uniform(-1, 1), 2)}}
            f.write(json.dumps(event) + "\n")
    cli("--db", db, "init")
    cli("--db", db, "import-spec", os.path.join(directory, "spec.json"))
    cli("--db", db, "publish", "--note", "First boundaries")
    cli("--db", db, "import-log", os.path.join(directory, "log.jsonl"))
    return db


def main():
    import pyatspi

    tap = Tap(5)
    directory = tempfile.mkdtemp(prefix="onloop-e2e-")
    db = make_workspace(directory)

    env = dict(os.environ)
    for key in ("NO_AT_BRIDGE", "GTK_A11Y", INNER):
        env.pop(key, None)
    env.update(GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo", GDK_DEBUG="gl-disable")
    app_process = subprocess.Popen([os.environ["ONLOOP_APP"], db], env=env)

    try:
        def find_app():
            for app in children(pyatspi.Registry.getDesktop(0)):
                if app.name == "onloop":
                    return app
            return None

        app = wait_for(find_app, 30)
        if not tap.ok(app is not None, "the app shows up on the accessibility bus"):
            return 1

        tab = wait_for(lambda: find(app, lambda o: o.getRoleName() == "page tab" and o.name == "Boundaries"))
        do_action(tab, "click")
        view = wait_for(lambda: find(app, lambda o: o.name == "System Boundary Spec" and on_screen(o)))
        tap.ok(view is not None, "Boundaries view on screen after clicking its tab")

        do_action(view, "boundaries.show-triggers")
        spin = wait_for(lambda: find(app, lambda o: o.getRoleName() == "spin button"
                                     and o.name.startswith("Deal size at least") and on_screen(o)))

        def preview_text():
            label = find(view, lambda o: o.getRoleName() == "label" and " % " in text_of(o)
                         and "overall" in text_of(o))
            return text_of(label) if label is not None else None

        before = wait_for(preview_text)
        spin.queryEditableText().setTextContents("75,000")
        after = wait_for(lambda: (lambda t: t if t and t != before else None)(preview_text()))
        tap.ok(spin is not None and after is not None,
               "typing 75,000 moves the live preview (%s → %s)" % (before, after))

        def saved():
            draft = json.loads(cli("--db", db, "export-spec"))
            return [t for t in draft["triggers"] if t["id"] == "deal-size"][0]["min_arr"] == 75000
        if not tap.ok(wait_for(saved), "the typed threshold is saved to the draft after a pause in typing"):
            print("# field shows %r; the draft has %s" % (text_of(spin), json.loads(cli("--db", db, "export-spec"))["triggers"]))

        publish = find(view, lambda o: o.getRoleName() == "push button" and "Publish" in (o.name or ""))
        do_action(publish, "click")
        note = wait_for(lambda: find(app, lambda o: o.getRoleName() == "text" and o.name == "Note"
                                     and on_screen(o)))
        note.queryEditableText().setTextContents("Raise the deal-size threshold")
        dialog = note
        while dialog.parent is not None and dialog.parent.getRoleName() != "application":
            dialog = dialog.parent
        confirm = wait_for(lambda: find(dialog, lambda o: o.getRoleName() == "push button"
                                        and "Publish" in (o.name or "") and on_screen(o)
                                        and o.getState().contains(pyatspi.STATE_SENSITIVE)))
        do_action(confirm, "click")

        def published():
            try:
                return json.loads(cli("--db", db, "export-spec", "--version", "2"))
            except subprocess.CalledProcessError:
                return None
        v2 = wait_for(published)
        tap.ok(v2 is not None and v2["note"] == "Raise the deal-size threshold"
               and [t for t in v2["triggers"] if t["id"] == "deal-size"][0]["min_arr"] == 75000,
               "Publish with a note creates version 2 with the new threshold")
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        shutil.rmtree(directory, ignore_errors=True)

    return 1 if tap.failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 1:
        os.environ["ONLOOP_APP"] = sys.argv[1]
    if os.environ.get(INNER) != "1":
        sys.exit(relaunch(__file__))
    sys.exit(main())
