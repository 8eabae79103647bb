"""The package builds (``python -m build``) into a wheel that installs into a fresh venv and runs.

This is the route for macOS and Windows, where there is no bootstrap script. To keep the test cheap,
the fresh venv gets its dependencies (about 1 GB) by a path file pointing at this environment's
site-packages instead of downloading them again; Quotedesk itself is really installed from the wheel,
and the test checks that the code that runs is the wheel's, not this checkout's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO

pytest.importorskip("build", reason="the `build` package is in the test extra: pip install -e '.[test]'")

SKIP = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache",
                              ".import_linter_cache", "*.pyc")


def _scripts(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin")


@pytest.mark.slow
def test_wheel_builds_installs_into_a_fresh_venv_and_runs(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=SKIP)  # build writes egg-info beside the sources: not in the checkout
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels = list(dist.glob("quotedesk-*-py3-none-any.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    assert list(dist.glob("quotedesk-*.tar.gz")), "python -m build makes the sdist too"

    env = tmp_path / "fresh"
    venv.create(env, with_pip=True)
    python = _scripts(env) / ("python.exe" if os.name == "nt" else "python")
    fresh_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                     capture_output=True, text=True, check=True).stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (fresh_site / "quotedesk_test_deps.pth").write_text("\n".join(sorted(ours)) + "\n")

    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index",
                                "--disable-pip-version-check", str(wheels[0])],
                               capture_output=True, text=True, env=clean, cwd=tmp_path, timeout=300)
    assert installed.returncode == 0, installed.stderr

    where = subprocess.run([str(python), "-c", "import kernel, app, desktop, db, exports, annotate, resources; "
                            "print(desktop.__file__); print(resources.__file__)"],
                           capture_output=True, text=True, env=clean, cwd=tmp_path, timeout=120)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():
        assert Path(line).is_relative_to(fresh_site), f"{line} is not the wheel's copy"

    data = tmp_path / "data"
    info = subprocess.run([str(_scripts(env) / "quotedesk"), "info"], capture_output=True, text=True,
                          env={**clean, "QUOTEDESK_DATA_DIR": str(data)}, cwd=tmp_path, timeout=300)
    assert info.returncode == 0, info.stderr
    assert "Articles:       2" in info.stdout  # the seed articles came from the wheel's package data
    assert "Topics:         1" in info.stdout
    assert (data / "default.quotedesk").exists()
