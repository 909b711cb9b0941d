#!/usr/bin/python3
# test-a11y-audit.py: an AT-SPI audit of every view of the demo workspace.
#
#   test-a11y-audit.py ONLOOP-APP ONLOOP-CLI
#
# Opens the real application on a fresh demo workspace, with the
# accessibility bus on, and walks what a screen reader sees: the whole tree
# after switching to each view (Map, Boundaries, Review) through its view
# switcher tab, and the primary menu. It fails on
#   - a focusable control without an accessible name, and
#   - a chart (or any drawing) that neither has a name itself nor belongs to
#     a named control,
# printing for each the role, the path to it and the view. At the end it
# closes the window with its Close button and expects the application to
# exit with status 0 (so the sanitizer run also checks it for leaks).
#
# GTK 4.8 gives an element without a name its type name ("GtkImage") over
# AT-SPI; that counts as no name. What does not need a name of its own,
# each for the reason given:
#   - containers GTK makes focusable only to pass focus on (scroll panes,
#     panels, fillers, viewports): they are not controls;
#   - list items, table rows and cells: a screen reader reads their content,
#     so one named descendant is enough (GTK 4.8 has no API to name a
#     GtkListItem);
#   - the inner parts of a named GtkDropDown (its toggle button, its popup
#     list and item widgets): private to GTK, which names the combo box.
#
# Runs under the display and session bus the test command provides; skips,
# saying why, when there is none or pyatspi is missing. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

n_cases = 0
n_failed = 0

VIEWS = ["Map", "Boundaries", "Review"]
VIEW_TYPES = {"Map": "OnloopMapView", "Boundaries": "OnloopBoundariesView",
              "Review": "OnloopReviewView"}
PLAN = 4 + len(VIEWS)


def result(name, problems=(), skip=None):
    global n_cases, n_failed
    n_cases += 1
    if skip:
        print(f"ok {n_cases} - {name} # SKIP {skip}")
    elif problems:
        n_failed += 1
        print(f"not ok {n_cases} - {name}")
        for p in problems:
            print(f"#   {p}")
    else:
        print(f"ok {n_cases} - {name}")
    sys.stdout.flush()


def skip_all(reason):
    print(f"1..{PLAN}")
    for name in ["the app is on the accessibility bus",
                 "window (outside the views): every control has a name"] + \
            [f"{v} view: every control and chart has a name" for v in VIEWS] + \
            ["primary menu: every item has a name", "the app exits cleanly"]:
        result(name, skip=reason)
    sys.exit(0)


try:
    import pyatspi
except ImportError:
    skip_all("pyatspi (python3-pyatspi) is not installed for " + sys.executable)

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    skip_all("no display (build-aux/onloop test starts Xvfb)")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    skip_all("no session bus (build-aux/onloop test runs the tests under dbus-run-session)")

TYPE_NAME = re.compile(r"(Gtk|Adw|Onloop)[A-Za-z0-9]*")
CONTAINERS = {"scroll pane", "panel", "filler", "viewport", "frame", "application",
              "page tab list", "tool bar", "split pane", "layered pane", "section",
              "grouping", "popup menu", "window", "dialog"}
ROWS = {"list item", "table row", "table cell", "tree item"}
GRAPHIC_ROLES = {"chart", "canvas", "diagram", "drawing area", "image map"}
GRAPHIC_TYPES = re.compile(r"GtkDrawingArea|Onloop\w*(Chart|Plot|Graph|Curve)\w*")


def real_name(acc):
    try:
        name = (acc.name or "").strip()
    except Exception:
        return ""
    return "" if TYPE_NAME.fullmatch(name) else name


def type_name(acc):
    name = (acc.name or "").strip()
    return name if TYPE_NAME.fullmatch(name) else ""


def children(acc):
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def walk(acc, ancestors=(), prune=()):
    yield acc, ancestors
    for child in children(acc):
        if child in prune:
            continue
        yield from walk(child, ancestors + (acc,), prune)


def view_roots(root):
    """The three views, in the order of the view switcher: the children of
    the view stack, found as the parent of whichever view still has its
    type for a name (a view may carry an accessible name instead)."""
    for acc, ancestors in walk(root):
        if type_name(acc) in VIEW_TYPES.values() and ancestors:
            views = list(children(ancestors[-1]))
            if len(views) == len(VIEWS):
                return dict(zip(VIEWS, views))
    return {}


def describe(acc, ancestors):
    """Role and type of @acc, the named ancestors above it and the text next
    to it, so that a person can find it in the window."""
    def one(a):
        name = real_name(a) or type_name(a)
        return f"{a.getRoleName()} “{name}”" if name else a.getRoleName()
    trail = [one(a) for a in ancestors if real_name(a) or type_name(a).startswith("Onloop")]
    near = ""
    if ancestors:
        for sibling in children(ancestors[-1]):
            text = real_name(sibling) or next((real_name(c) for c in children(sibling) if real_name(c)), "")
            if text:
                near = f" (next to “{text[:60]}”)"
                break
    return " > ".join(trail[-3:] + [one(acc)]) + near


def has_named_descendant(acc, depth=0):
    if depth > 8:
        return False
    for child in children(acc):
        if real_name(child) or has_named_descendant(child, depth + 1):
            return True
    return False


def in_named_dropdown(ancestors):
    for a in reversed(ancestors[-6:]):
        if a.getRoleName() == "combo box" and real_name(a):
            return True
    return False


def audit(root, prune=()):
    """The problems in the tree under @root (but not under the elements in
    @prune), one line each."""
    problems = []
    for acc, ancestors in walk(root, prune=prune):
        try:
            role = acc.getRoleName()
            states = acc.getState()
        except Exception:
            continue
        if not states.contains(pyatspi.STATE_VISIBLE):
            continue
        named = real_name(acc)

        # Charts and drawings.
        if role in GRAPHIC_ROLES or GRAPHIC_TYPES.fullmatch(type_name(acc) or "-"):
            parent = ancestors[-1] if ancestors else None
            owner_named = parent is not None and parent.getRoleName() not in CONTAINERS \
                and real_name(parent)
            if not named and not owner_named:
                problems.append(f"chart without a name: {describe(acc, ancestors)}")
            continue

        if not states.contains(pyatspi.STATE_FOCUSABLE) or named:
            continue
        if role in CONTAINERS:
            continue
        if role in ROWS and has_named_descendant(acc):
            continue
        if in_named_dropdown(ancestors):
            continue
        problems.append(f"focusable {role} without a name: {describe(acc, ancestors)}")
    return problems


def find(root, role, name):
    for acc, _ in walk(root):
        try:
            if acc.getRoleName() == role and real_name(acc) == name:
                return acc
        except Exception:
            continue
    return None


def click(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate", "toggle"):
            return action.doAction(i)
    return action.doAction(0)


def wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def main():
    if len(sys.argv) != 3:
        print("usage: test-a11y-audit.py ONLOOP-APP ONLOOP-CLI", file=sys.stderr)
        return 2
    app_path, cli_path = sys.argv[1:]
    work = tempfile.mkdtemp(prefix="onloop-a11y-")
    workspace = os.path.join(work, "Demo.onloop")
    app = None
    print(f"1..{PLAN}")
    try:
        help_text = subprocess.run([cli_path, "--help"], capture_output=True, text=True).stdout
        command = "demo" if re.search(r"^  demo ", help_text, re.M) else "init"
        subprocess.run([cli_path, "--db", workspace, command], check=True,
                       stdout=subprocess.DEVNULL)

        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        env["XDG_CONFIG_HOME"] = os.path.join(work, "config")
        env["XDG_DATA_HOME"] = os.path.join(work, "data")
        env["XDG_STATE_HOME"] = os.path.join(work, "state")
        env.setdefault("GSETTINGS_BACKEND", "memory")
        app = subprocess.Popen([app_path, workspace], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)

        desktop = pyatspi.Registry.getDesktop(0)

        def find_app():
            for a in children(desktop):
                try:
                    if a.name == os.path.basename(app_path) and a.childCount > 0:
                        return a
                except Exception:
                    pass
            return None

        accessible = wait_for(find_app, 120)
        if accessible is None:
            why = [f"no application named {os.path.basename(app_path)} appeared in 120 s"]
            if app.poll() is not None:
                why.append(f"it exited with status {app.returncode}:")
                why.extend(app.stderr.read().splitlines()[:40])
            result("the app is on the accessibility bus", why)
            result("window (outside the views): every control has a name", skip="the app is not there")
            for v in VIEWS:
                result(f"{v} view: every control and chart has a name", skip="the app is not there")
            result("primary menu: every item has a name", skip="the app is not there")
        else:
            result("the app is on the accessibility bus")
            # Let the window show its first view.
            wait_for(lambda: find(accessible, "page tab", VIEWS[0]), 30)
            roots = view_roots(accessible)
            result("window (outside the views): every control has a name",
                   sorted(set(audit(accessible, prune=list(roots.values())))))
            for view in VIEWS:
                tab = find(accessible, "page tab", view)
                if tab is None:
                    result(f"{view} view: every control and chart has a name",
                           [f"no view switcher tab named {view}"])
                    continue
                click(tab)
                time.sleep(1.5)
                root = view_roots(accessible).get(view)
                if root is None:
                    result(f"{view} view: every control and chart has a name",
                           [f"no {VIEW_TYPES[view]} in the window"])
                    continue
                problems = audit(root)
                result(f"{view} view: every control and chart has a name", sorted(set(problems)))

            menu = find(accessible, "push button", "Main Menu")
            # The menu button's inner toggle button does the work.
            inner = None
            if menu is not None:
                for acc, _ in walk(menu):
                    if acc is not menu and acc.getRoleName() in ("push button", "toggle button"):
                        inner = acc
                        break
            if menu is None:
                result("primary menu: every item has a name", ["no button named Main Menu"])
            else:
                click(inner or menu)
                time.sleep(1.0)
                problems = []
                items = 0
                for acc, ancestors in walk(accessible):
                    if acc.getRoleName() in ("menu item", "check menu item", "radio menu item"):
                        items += 1
                        if not real_name(acc):
                            problems.append(f"menu item without a name: {describe(acc, ancestors)}")
                if items == 0:
                    problems.append("the primary menu showed no items")
                result("primary menu: every item has a name", problems)
                click(inner or menu)
                time.sleep(0.5)

        # Close the window the way a person would, and expect a clean exit.
        problems = []
        close = find(accessible, "push button", "Close") if accessible is not None else None
        if close is not None:
            click(close)
            try:
                status = app.wait(timeout=60)
            except subprocess.TimeoutExpired:
                status = None
        else:
            problems.append("no Close button")
            app.terminate()
            status = app.wait(timeout=30)
        stdout, stderr = app.communicate(timeout=30)
        app = None
        if status != 0:
            problems.append(f"exit status {status}")
        if re.search(r"ERROR: \w+Sanitizer|runtime error:|-CRITICAL \*\*", stderr):
            problems.append("reports on stderr:")
            problems.extend(stderr.splitlines()[:200])
        if close is None:
            result("the app exits cleanly", skip="no Close button to close it with")
        else:
            result("the app exits cleanly", problems)
    finally:
        if app is not None:
            app.kill()
            app.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())
