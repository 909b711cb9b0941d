#!/usr/bin/env python3
# test-cli-docs.py: the manual page and the bash completion of onloop-cli
# keep up with the program.
#
# Every command `onloop-cli --help` lists must be documented in
# data/onloop-cli.1 and completed by data/completions/onloop-cli, with every
# option its own --help lists; the manual page must format without
# warnings; and the completion must actually complete in bash (with the
# bash-completion package's helpers). TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ.get("ONLOOP_CLI", "onloop-cli")
SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
MAN = os.path.join(SRCDIR, "..", "data", "onloop-cli.1")
COMPLETION = os.path.join(SRCDIR, "..", "data", "completions", "onloop-cli")
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"

n = 0
failed = 0


def result(name, problems, skip=None):
    global n, failed
    n += 1
    if skip:
        print(f"ok {n} - {name} # SKIP {skip}")
    elif problems:
        failed += 1
        print(f"not ok {n} - {name}")
        for p in problems:
            for line in str(p).splitlines():
                print(f"#   {line}")
    else:
        print(f"ok {n} - {name}")
    sys.stdout.flush()


def cli(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True)
    return p.stdout + p.stderr


def commands():
    return re.findall(r"^  ([a-z][a-z-]+) ", cli("--help"), re.M)


def options(command):
    # --db before the command, so that commands that need it show their help.
    text = cli("--db", "/nonexistent/help.onloop", command, "--help")
    return sorted(set(re.findall(r"^\s+(--[a-z][a-z-]*)", text, re.M)) - {"--help"})


def complete(words, db=None):
    """What bash completes for the command line @words (the last is the word
    being completed)."""
    script = f"""
source {BASH_COMPLETION}
source {COMPLETION}
COMP_WORDS=({' '.join(_quote(w) for w in words)})
COMP_CWORD={len(words) - 1}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
_onloop_cli onloop-cli "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(CLI)) + os.pathsep + env.get("PATH", "")
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True,
                       text=True, env=env, cwd=db or None)
    return sorted(w for w in p.stdout.splitlines() if w)


def _quote(word):
    return "'" + word.replace("'", "'\\''") + "'"


def main():
    cmds = commands()
    man = open(MAN, encoding="utf-8").read()
    completion = open(COMPLETION, encoding="utf-8").read()
    have_bash_completion = os.path.exists(BASH_COMPLETION)

    print(f"1..{6 + len(cmds)}")

    result("onloop-cli --help lists commands", [] if len(cmds) >= 10 else [f"only {cmds}"])

    # Someone looking up a command has no workspace at hand yet.
    problems = []
    for command in cmds:
        p = subprocess.run([CLI, command, "--help"], capture_output=True, text=True)
        if p.returncode != 0 or f"onloop-cli [OPTION…] {command}" not in p.stdout:
            problems.append(f"{command} --help: exit {p.returncode}: {(p.stdout + p.stderr).strip()[:200]}")
    result("every command's --help answers without --db, under the program's name", problems)

    problems = []
    if shutil.which("groff") is None:
        result("the manual page formats without warnings", [], skip="groff is not installed")
    else:
        p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", MAN], capture_output=True,
                           text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
        if p.returncode != 0 or p.stderr.strip():
            problems.append(p.stderr)
        result("the manual page formats without warnings", problems)

    # The completion's per-command options: "a | b) options+=" --x --y" ;;"
    completed_options = {}
    for names, opts in re.findall(r"^\s*([a-z| -]+)\) options\+=\"([^\"]*)\"", completion, re.M):
        for name in names.split("|"):
            completed_options[name.strip()] = set(opts.split())

    man_commands = man.split(".SH COMMANDS", 1)[-1]
    for command in cmds:
        problems = []
        man_name = command.replace("-", "\\-")
        # The command's entry: from its ".B name …" tag line to the next entry.
        entry = re.search(rf'^\.BI? "?{re.escape(man_name)}(?![a-z\\])(.*?)(?=^\.(TP|SS|SH))',
                          man_commands, re.M | re.S)
        if entry is None:
            problems.append(f"the manual page does not document {command}")
        if not re.search(rf"\b{re.escape(command)}\b", completion.split("_onloop_cli()")[0]):
            problems.append(f"the completion does not offer {command}")
        section = entry.group(0) if entry else ""
        for option in options(command):
            if option.replace("-", "\\-") not in section:
                problems.append(f"the manual page does not give {command} {option}")
            if option not in completed_options.get(command, set()):
                problems.append(f"the completion does not offer {command} {option}")
        result(f"{command} is documented and completed", problems)

    if not have_bash_completion:
        reason = "the bash-completion package is not installed"
        result("bash completes the commands", [], skip=reason)
        result("bash completes a command's options", [], skip=reason)
        result("bash completes option values", [], skip=reason)
        return 1 if failed else 0

    got = complete(["onloop-cli", ""])
    result("bash completes the commands",
           [] if got == sorted(cmds) else [f"got {got}", f"expected {sorted(cmds)}"])

    got = complete(["onloop-cli", "--db", "team.onloop", "calibrate", "--"])
    want = sorted(["--help"] + options("calibrate"))
    result("bash completes a command's options",
           [] if got == want else [f"got {got}", f"expected {want}"])

    workdir = tempfile.mkdtemp(prefix="onloop-completion-")
    try:
        for name in ("team.onloop", "notes.txt", "log.jsonl"):
            open(os.path.join(workdir, name), "w").close()
        problems = []
        for words, want in [
            (["onloop-cli", "--db", ""], ["team.onloop"]),
            (["onloop-cli", "--db", "team.onloop", "metrics", "--format", ""], ["json", "table"]),
            (["onloop-cli", "--db", "team.onloop", "export-map", "--format", ""], ["csv", "json"]),
            (["onloop-cli", "--db", "team.onloop", "import-log", ""], ["log.jsonl"]),
            (["onloop-cli", "--db", "team.onloop", "mark", "evt-1", ""], ["clear", "ok", "quality-issue"]),
        ]:
            got = complete(words, db=workdir)
            if got != sorted(want):
                problems.append(f"{' '.join(words)}<TAB>: got {got}, expected {sorted(want)}")
        result("bash completes option values", problems)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
