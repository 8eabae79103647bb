"""scripts/bootstrap's decisions, against apt's real answers from Debian 12, Debian 13 and Ubuntu 24.04.

apt-get, apt-cache and dpkg-query are stand-ins here: apt-cache answers ``policy`` from
tests/data/apt/<release>.policy, recorded with ``apt-cache policy`` in bare debootstrap chroots of each
release, so the name resolution (libasound2 → libasound2t64 where renamed) meets the real archives'
names; apt-get records what it was asked and "installs" it. The whole script, for real, on real
chroots of the three releases: scripts/check_bootstrap_chroots (root, slow, on demand).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="a bash script")

APT_DATA = REPO / "tests" / "data" / "apt"
QT = ["libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6", "libdbus-1-3",
      "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0",
      "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxrender1", "libxi6", "libnss3", "fonts-dejavu-core",
      "xvfb", "xauth"]

FAKES = {
    "id": 'echo 0\n',
    "dpkg-query": 'grep -qxF -- "${@: -1}" "$FAKE/installed" 2>/dev/null && printf "install ok installed" || exit 1\n',
    "apt-cache": '[ "$1" = policy ] || exit 1\n'
                 'awk -v n="$2:" \'$0 == n {p = 3} p > 0 {print; p--}\' "$FAKE/policy"\n',
    "apt-get": 'echo "$*" >> "$FAKE/apt.log"\n'
               'case "$1" in update) exit 0 ;; install) ;; *) exit 1 ;; esac\n'
               'names=(); for a in "$@"; do case "$a" in install|-*) ;; *) names+=("$a") ;; esac; done\n'
               'for n in "${names[@]}"; do if grep -qxF -- "$n" "$FAKE/broken" 2>/dev/null; then\n'
               '  echo "E: Unable to correct problems, you have held broken packages." >&2; exit 100; fi; done\n'
               'printf "%s\\n" "${names[@]}" >> "$FAKE/installed"\n',
}


def _python(version: str, has_venv: bool) -> str:
    """A stand-in interpreter: answers the version and whether ensurepip/venv import."""
    return (f'case "$*" in *ensurepip*) exit {0 if has_venv else 1} ;; *version_info\\[:2\\]*) echo {version} ;; '
            '*) exit 0 ;; esac\n')


class Machine:
    """A folder with a copy of the script and stand-ins for apt, dpkg and Python."""

    def __init__(self, root: Path, release: str, python: str = "3.12", has_venv: bool = False):
        self.root, self.fake = root, root / "fake"
        (root / "scripts").mkdir(parents=True)
        shutil.copy(REPO / "scripts" / "bootstrap", root / "scripts" / "bootstrap")
        self.fake.mkdir()
        shutil.copy(APT_DATA / f"{release}.policy", self.fake / "policy")
        for name, body in {**FAKES, "python3": _python(python, has_venv)}.items():
            path = self.fake / name
            path.write_text("#!/bin/bash\n" + body)
            path.chmod(path.stat().st_mode | stat.S_IEXEC)

    def installed(self, *names: str) -> None:
        with (self.fake / "installed").open("a") as fh:
            fh.writelines(f"{n}\n" for n in names)

    def broken(self, *names: str) -> None:
        (self.fake / "broken").write_text("".join(f"{n}\n" for n in names))

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {"PATH": f"{self.fake}:/usr/bin:/bin", "FAKE": str(self.fake), "HOME": str(self.root)}
        return subprocess.run(["bash", str(self.root / "scripts" / "bootstrap"), *args], capture_output=True,
                              text=True, env=env, timeout=120)

    @property
    def apt_calls(self) -> list[str]:
        log = self.fake / "apt.log"
        return log.read_text().splitlines() if log.exists() else []

    @property
    def now_installed(self) -> set[str]:
        path = self.fake / "installed"
        return set(path.read_text().split()) if path.exists() else set()


def test_help_prints_usage_and_installs_nothing(tmp_path):
    m = Machine(tmp_path, "noble")
    result = m.run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: scripts/bootstrap [--test]") and "--dry-run" in result.stdout
    assert m.apt_calls == [] and not (tmp_path / ".venv").exists()


def test_an_unknown_option_is_refused_before_doing_anything(tmp_path):
    m = Machine(tmp_path, "noble")
    result = m.run("--tset")
    assert result.returncode == 2 and "unknown option '--tset'" in result.stderr and "Usage:" in result.stderr
    assert m.apt_calls == []


@pytest.mark.parametrize("release, python, expected", [
    ("bookworm", "3.11", ["libglib2.0-0", "libasound2", "python3.11-venv"]),
    ("trixie", "3.13", ["libglib2.0-0t64", "libasound2t64", "python3.13-venv"]),
    ("noble", "3.12", ["libglib2.0-0t64", "libasound2t64", "python3.12-venv"]),
])
def test_on_a_bare_machine_apt_installs_each_releases_own_names(tmp_path, release, python, expected):
    m = Machine(tmp_path, release, python=python)
    result = m.run("--system-only")
    assert result.returncode == 0, result.stderr
    assert m.apt_calls[0] == "update -q"
    install = m.apt_calls[1].split()
    assert install[:4] == ["install", "-y", "-q", "--no-install-recommends"]
    assert set(install[4:]) == {*QT, *expected}  # one apt-get call for all, with names that exist
    assert "System packages installed." in result.stdout
    assert result.stderr == ""


def test_when_apt_refuses_one_package_the_rest_is_installed_and_it_is_named(tmp_path):
    m = Machine(tmp_path, "noble")
    m.broken("libxcb-xinerama0")
    result = m.run("--system-only")
    assert result.returncode == 0
    assert "installing them one by one" in result.stdout and "libxcb-xinerama0: FAILED" in result.stdout
    assert m.now_installed == {*QT, "libglib2.0-0t64", "libasound2t64", "python3.12-venv"} - {"libxcb-xinerama0"}
    assert "NOT installed: libxcb-xinerama0" in result.stderr


def test_a_package_the_release_lacks_is_skipped_and_named(tmp_path):
    m = Machine(tmp_path, "noble")
    policy = m.fake / "policy"
    lines = policy.read_text().splitlines()
    at = lines.index("libxcb-cursor0:")
    policy.write_text("\n".join(lines[:at] + lines[at + 3:]) + "\n")  # as if the archive had no such package
    result = m.run("--system-only")
    assert result.returncode == 0
    assert "apt has no package named libxcb-cursor0" in result.stderr
    assert "libxcb-cursor0" not in m.apt_calls[1] and "libasound2t64" in m.apt_calls[1]


def test_nothing_missing_runs_no_apt(tmp_path):
    m = Machine(tmp_path, "trixie", python="3.13", has_venv=True)
    m.installed(*QT, "libglib2.0-0t64", "libasound2t64")
    result = m.run("--system-only")
    assert result.returncode == 0 and "System packages: all present." in result.stdout
    assert m.apt_calls == []


def test_old_names_already_installed_count(tmp_path):
    """A Debian 12 machine upgraded keeps e.g. libasound2 installed: nothing to do."""
    m = Machine(tmp_path, "bookworm", python="3.11", has_venv=True)
    m.installed(*QT, "libglib2.0-0", "libasound2")
    assert "all present" in m.run("--system-only").stdout and m.apt_calls == []


def test_dry_run_says_what_it_would_do_and_calls_no_apt_get(tmp_path):
    m = Machine(tmp_path, "noble")
    result = m.run("--dry-run", "--system-only")
    assert result.returncode == 0
    assert "Would install system packages:" in result.stdout and "libasound2t64" in result.stdout
    assert m.apt_calls == []


def test_a_half_made_venv_is_repaired_and_one_without_python_recreated(tmp_path):
    m = Machine(tmp_path, "noble", has_venv=True)
    m.installed(*QT, "libglib2.0-0t64", "libasound2t64")
    venv = tmp_path / ".venv" / "bin"
    # What `python3 -m venv .venv` leaves when Debian's python3-venv is missing: a venv without pip.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / ".venv")], check=True)
    result = m.run("--dry-run")
    assert "Would repair .venv: it has no pip." in result.stdout
    for exe in venv.glob("python*"):
        exe.unlink()
    (venv / "python").symlink_to(tmp_path / "gone")  # its interpreter removed, e.g. by a system upgrade
    assert "Would recreate .venv: its Python does not run." in m.run("--dry-run").stdout
