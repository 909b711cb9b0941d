#!/usr/bin/python3
# test-translation.py: a German user sees Onloop in German.
#
#   test-translation.py SOURCE-ROOT BUILD-PO-DIR ONLOOP-CLI [ONLOOP-APP]
#
# For every language in po/LINGUAS: the catalogue passes `msgfmt --check`,
# has no fuzzy or untranslated entry, and covers every string the sources
# mark for translation now (xgettext over po/POTFILES.in, as the build's
# onloop-pot target runs it). Then, with the catalogues the build compiled
# (BUILD/po/LANG/LC_MESSAGES/onloop.mo, found through ONLOOP_LOCALEDIR):
# onloop-cli speaks German under LC_ALL=de_DE.UTF-8 and under LANGUAGE=de,
# in its help and in its error messages, and the application's window shows
# its views under German names (read over AT-SPI). TAP output; a case that
# needs what is missing (the locale, a display, pyatspi) is skipped and
# says so.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

n = 0
failed = 0


def result(name, problems=(), skip=None):
    global n, failed
    n += 1
    if skip:
        print(f"ok {n} - {name} # SKIP {skip}")
    elif problems:
        failed += 1
        print(f"not ok {n} - {name}")
        for p in problems:
            for line in str(p).splitlines()[:80]:
                print(f"#   {line}")
    else:
        print(f"ok {n} - {name}")
    sys.stdout.flush()


# What meson's i18n.gettext(preset: 'glib') gives xgettext.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
    "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]


def catalogue_ids(path):
    """The (context, msgid) pairs of a .po or .pot file, with whether each is
    translated and not fuzzy."""
    entries = {}
    text = open(path, encoding="utf-8").read()
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.splitlines() if not l.startswith("#~")]
        fuzzy = any(l.startswith("#,") and "fuzzy" in l for l in lines)
        fields = {}
        current = None
        for line in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                current = m.group(1)
                fields[current] = m.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if "msgid" not in fields or fields["msgid"] == "":
            continue
        strs = [v for k, v in fields.items() if k.startswith("msgstr")]
        entries[(fields.get("msgctxt"), fields["msgid"])] = (not fuzzy) and all(strs) and bool(strs)
    return entries


def run(cmd, env=None, cwd=None):
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def main():
    if len(sys.argv) < 4:
        print("usage: test-translation.py SOURCE-ROOT BUILD-PO-DIR ONLOOP-CLI [ONLOOP-APP]",
              file=sys.stderr)
        return 2
    srcroot, build_po, cli = sys.argv[1:4]
    app = sys.argv[4] if len(sys.argv) > 4 else None
    po_dir = os.path.join(srcroot, "po")
    languages = [l.strip() for l in open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8")
                 if l.strip() and not l.startswith("#")]

    print(f"1..{3 * max(len(languages), 1) + 5}")

    if not languages:
        result("po/LINGUAS names a language", ["po/LINGUAS is empty"])
        for _ in range(2):
            result("the catalogue", skip="no language")

    # The strings the sources have now.
    work = tempfile.mkdtemp(prefix="onloop-po-")
    try:
        pot = os.path.join(work, "onloop.pot")
        status, out, err = run(["xgettext", *XGETTEXT_ARGS, "--files-from",
                                os.path.join(po_dir, "POTFILES.in"), "--directory", srcroot,
                                "--output", pot], cwd=srcroot)
        wanted = catalogue_ids(pot) if status == 0 else None

        for lang in languages:
            po = os.path.join(po_dir, f"{lang}.po")
            status, out, err = run(["msgfmt", "--check", "--check-format", "--check-header",
                                    "--statistics", "-o", os.devnull, po],
                                   env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
            result(f"{lang}.po passes msgfmt --check", [err] if status != 0 else [])

            have = catalogue_ids(po)
            incomplete = sorted(m for (c, m), ok in have.items() if not ok)
            result(f"{lang}.po has no fuzzy or untranslated entry",
                   [f"{len(incomplete)} entries:"] + [f"  {m[:100]}" for m in incomplete[:40]]
                   if incomplete else [])

            if wanted is None:
                result(f"{lang}.po covers every string of the sources", [f"xgettext failed: {err}"])
            else:
                missing = sorted(m for key, _ in wanted.items() if key not in have
                                 for m in [key[1]])
                result(f"{lang}.po covers every string of the sources",
                       [f"{len(missing)} strings have no entry (run ninja onloop-update-po):"]
                       + [f"  {m[:100]}" for m in missing[:40]] if missing else [])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    # The programs, in German.
    have_de = "de" in languages
    status, out, err = run(["locale", "-a"])
    have_locale = any(l.lower() in ("de_de.utf8", "de_de.utf-8") for l in out.split())
    mo = os.path.join(build_po, "de", "LC_MESSAGES", "onloop.mo")
    skip = None
    if not have_de:
        skip = "po/LINGUAS has no de"
    elif not os.path.exists(mo):
        skip = f"the build has not compiled {mo}"

    base = dict(os.environ, ONLOOP_LOCALEDIR=build_po)
    base.pop("LANGUAGE", None)
    english = run([cli, "--help"], env=dict(base, LC_ALL="C.UTF-8"))[1]

    for name, env, reason in [
        ("onloop-cli --help is German under LC_ALL=de_DE.UTF-8",
         dict(base, LC_ALL="de_DE.UTF-8"),
         None if have_locale else "the de_DE.UTF-8 locale is not generated (build-aux/onloop does it)"),
        ("onloop-cli --help is German under LANGUAGE=de",
         dict(base, LANG="C.UTF-8", LC_ALL="", LANGUAGE="de"), None),
    ]:
        if skip or reason:
            result(name, skip=skip or reason)
            continue
        status, out, err = run([cli, "--help"], env=env)
        problems = []
        if "Befehle" not in out:
            problems.append("no “Befehle” (Commands) in:\n" + out)
        same = [l for l in out.splitlines() if l.strip() and l in english.splitlines()
                and re.search(r"[a-z]{4,} [a-z]{3,}", l.split("  ")[-1])]
        if same:
            problems.append("still English:\n" + "\n".join(same))
        result(name, problems)

    name = "a refused file is explained in German"
    if skip or not have_locale:
        result(name, skip=skip or "the de_DE.UTF-8 locale is not generated")
    else:
        work = tempfile.mkdtemp(prefix="onloop-de-")
        try:
            path = os.path.join(work, "notes.onloop")
            open(path, "w").write("Einkaufsliste\n" * 50)
            status, out, err = run([cli, "--db", path, "metrics"], env=dict(base, LC_ALL="de_DE.UTF-8"))
            english_err = run([cli, "--db", path, "metrics"], env=dict(base, LC_ALL="C.UTF-8"))[2]
            problems = []
            if status != 1:
                problems.append(f"exit status {status}")
            if "notes.onloop" not in err:
                problems.append("the message does not name the file: " + err)
            if err.strip() == english_err.strip():
                problems.append("the message is the English one: " + err)
            result(name, problems)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    # The application's window, read over AT-SPI.
    names = ("the window shows its views under German names")
    if skip:
        result(names, skip=skip)
    elif app is None:
        result(names, skip="no application in this build")
    elif not have_locale:
        result(names, skip="the de_DE.UTF-8 locale is not generated")
    elif not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        result(names, skip="no display or session bus (build-aux/onloop test provides both)")
    else:
        try:
            import pyatspi
        except ImportError:
            pyatspi = None
        if pyatspi is None:
            result(names, skip="pyatspi is not installed for " + sys.executable)
        else:
            result(names, app_in_german(pyatspi, app, cli, base))

    name = "the desktop file has a German name and comment"
    desktop = os.path.join(os.path.dirname(build_po), "data", "io.github.onloop.Onloop.desktop")
    if skip:
        result(name, skip=skip)
    elif not os.path.exists(desktop):
        result(name, skip="the build has no desktop file")
    else:
        text = open(desktop, encoding="utf-8").read()
        problems = [f"no {key}[de]=" for key in ("Comment", "Keywords") if f"{key}[de]=" not in text]
        result(name, problems)

    return 1 if failed else 0


def app_in_german(pyatspi, app, cli, base):
    work = tempfile.mkdtemp(prefix="onloop-de-app-")
    proc = None
    try:
        workspace = os.path.join(work, "Team.onloop")
        subprocess.run([cli, "--db", workspace, "init"], check=True, capture_output=True)
        english_tabs = {"Map", "Boundaries", "Review"}
        env = dict(base, LC_ALL="de_DE.UTF-8", XDG_CONFIG_HOME=os.path.join(work, "config"),
                   XDG_DATA_HOME=os.path.join(work, "data"), XDG_STATE_HOME=os.path.join(work, "state"))
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        proc = subprocess.Popen([app, workspace], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        desktop = pyatspi.Registry.getDesktop(0)
        deadline = time.monotonic() + 60
        tabs = []
        while time.monotonic() < deadline and not tabs:
            time.sleep(0.5)
            for a in desktop:
                try:
                    if a is None or a.name != os.path.basename(app):
                        continue
                except Exception:
                    continue
                stack = [a]
                while stack:
                    acc = stack.pop()
                    try:
                        if acc.getRoleName() == "page tab":
                            tabs.append(acc.name)
                        stack.extend(c for c in acc if c is not None)
                    except Exception:
                        pass
        if not tabs:
            return ["no view switcher tabs appeared"]
        english = sorted(set(tabs) & english_tabs)
        return [f"views still in English: {english} (tabs: {sorted(set(tabs))})"] if english else []
    finally:
        if proc is not None:
            proc.kill()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
