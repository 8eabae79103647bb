"""Code that must run on macOS and Windows too: no POSIX-only calls outside the places that guard them.

Fact-checkers mostly work on macOS and Windows, which nothing here runs; this keeps the code honest:
processes are started with ``spawn`` (the default there; .ci/run also runs the GUI and suggestion tests
with QUOTEDESK_START_METHOD=spawn), files are replaced with ``os.replace``/``Path.replace`` (atomic on
both), and signals are the ones Windows has.
"""

from __future__ import annotations

import ast
import multiprocessing
import os

from tests.conftest import REPO

PACKAGES = ("kernel", "annotate", "db", "app", "desktop", "exports")
POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "resource", "termios", "posix"}
POSIX_ONLY_ATTRS = {
    ("os", "rename"): "os.replace (os.rename fails on Windows when the target exists)",
    ("os", "fork"): "multiprocessing with the spawn context",
    ("os", "getuid"): "getpass.getuser()",
    ("os", "killpg"): "os.kill on the process",
    ("signal", "SIGKILL"): "os.kill(pid, signal.SIGTERM) (Windows has no SIGKILL)",
    ("signal", "SIGHUP"): "SIGTERM", ("signal", "SIGUSR1"): "another channel", ("signal", "SIGUSR2"): "another channel",
    ("signal", "SIGCHLD"): "waiting on the process", ("signal", "alarm"): "a timer thread",
}
# Checked platform by platform before use (each file says so where it does it).
ALLOWED = {("desktop/display.py", "/tmp")}


def _sources():
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            yield path.relative_to(REPO).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def test_no_posix_only_calls_in_the_packages():
    found = []
    for name, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                found += [f"{name}:{node.lineno}: imports {m}" for m in modules
                          if m.split(".")[0] in POSIX_ONLY_MODULES]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                use = POSIX_ONLY_ATTRS.get((node.value.id, node.attr))
                if use:
                    found.append(f"{name}:{node.lineno}: {node.value.id}.{node.attr}; use {use}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "/tmp" in node.value:
                if (name, "/tmp") not in ALLOWED:
                    found.append(f"{name}:{node.lineno}: a /tmp path; use tempfile")
    assert not found, "\n".join(found)


def test_the_helper_process_is_spawned_whatever_the_default():
    """The helper that runs spaCy is started with spawn on every platform (forking a process with Qt
    threads is unsafe), so Linux runs it the way macOS and Windows do."""
    from app.engine_process import ProcessEngine

    assert ProcessEngine()._ctx.get_start_method() == "spawn"


def test_start_method_forced_when_asked():
    wanted = os.environ.get("QUOTEDESK_START_METHOD")
    if wanted:
        assert multiprocessing.get_start_method() == wanted
