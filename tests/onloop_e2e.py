# onloop_e2e.py: what the end-to-end tests share (e2e-boundaries.py,
# e2e-review.py): a private X server and D-Bus session, TAP output, the CLI,
# and walking the AT-SPI tree as a screen reader would.
#
# GTK 4.8 widgets never report "showing" over AT-SPI; a widget counts as on
# screen when it is visible and has non-zero extents.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

INNER = "ONLOOP_E2E_INNER"


def display_works(display):
    env = dict(os.environ, DISPLAY=display)
    return subprocess.run(["xdpyinfo"], env=env, capture_output=True).returncode == 0


def _xvfb(display_args, **kwargs):
    # -noreset: the xdpyinfo probe is a client; a reset after it would
    # refuse the app for a moment, and makes AT-SPI flaky.
    return subprocess.Popen(["Xvfb", *display_args, "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp", "-noreset"],
                            stderr=subprocess.DEVNULL, **kwargs)


def start_xvfb():
    """An X server of our own: the number Xvfb picks with -displayfd, or, on
    a machine where that number is not reachable (stale sockets of other
    servers), the first free one from 300 up."""
    read_fd, write_fd = os.pipe()
    xvfb = _xvfb(["-displayfd", str(write_fd)], pass_fds=(write_fd,))
    os.close(write_fd)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_fd)
    if number.strip().isdigit() and display_works(":" + number.decode().strip()):
        return xvfb, ":" + number.decode().strip()
    xvfb.terminate()
    xvfb.wait()

    for n in range(300, 400):
        if os.path.exists("/tmp/.X%d-lock" % n):
            continue
        xvfb = _xvfb([":%d" % n])
        for _ in range(50):
            if display_works(":%d" % n):
                return xvfb, ":%d" % n
            if xvfb.poll() is not None:
                break
            time.sleep(0.1)
        xvfb.terminate()
        xvfb.wait()
    return None, None


def relaunch(script):
    """Re-runs @script on a private X server and D-Bus session, with a
    Python that has pyatspi, so the accessibility bus it starts never meets
    another test's display."""
    python = sys.executable
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        python = "/usr/bin/python3"
        if subprocess.run([python, "-c", "import pyatspi"], capture_output=True).returncode != 0:
            print("1..0 # SKIP pyatspi is not installed")
            return 0

    xvfb, display = start_xvfb()
    if xvfb is None:
        print("1..0 # SKIP Xvfb did not start")
        return 0
    env = dict(os.environ)
    env["DISPLAY"] = display
    env[INNER] = "1"
    try:
        return subprocess.run(["dbus-run-session", "--", python, os.path.abspath(script)],
                              env=env).returncode
    finally:
        xvfb.terminate()
        xvfb.wait()


def cli(*args):
    return subprocess.run([os.environ["ONLOOP_CLI"], *args], check=True,
                          capture_output=True, text=True).stdout


class Tap:
    def __init__(self, plan):
        self.n = 0
        self.failed = False
        print("1..%d" % plan, flush=True)

    def ok(self, condition, what):
        self.n += 1
        if not condition:
            self.failed = True
        print("%s %d - %s" % ("ok" if condition else "not ok", self.n, what), flush=True)
        return condition


# ---- The AT-SPI tree -------------------------------------------------------

def children(node):
    try:
        return [c for c in node if c is not None]
    except Exception:
        return []


def find(node, pred, depth=0, skip=None):
    try:
        if pred(node):
            return node
    except Exception:
        pass
    if depth > 80:
        return None
    for child in children(node):
        if skip is not None and child == skip:
            continue
        found = find(child, pred, depth + 1, skip)
        if found is not None:
            return found
    return None


def find_all(node, pred, depth=0, out=None):
    out = [] if out is None else out
    try:
        if pred(node):
            out.append(node)
    except Exception:
        pass
    if depth <= 80:
        for child in children(node):
            find_all(child, pred, depth + 1, out)
    return out


def on_screen(node):
    import pyatspi

    try:
        states = node.getState()
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return states.contains(pyatspi.STATE_VISIBLE) and extents.width > 0 and extents.height > 0
    except Exception:
        return False


def wait_for(fn, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        value = fn()
        if value:
            return value
        time.sleep(0.1)
    return None


def do_action(node, name="click"):
    actions = node.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == name:
            return actions.doAction(i)
    raise RuntimeError("%s has no action %s" % (node.name, name))


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return node.name or ""
