"""The import direction is a contract (pyproject.toml [tool.importlinter]); this keeps it checked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    return subprocess.run([exe], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_import_contracts_hold():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout.lower() and "0 broken" in result.stdout


def test_contract_catches_qt_in_db(tmp_path):
    """The check is real: a copy of the tree with Qt imported in db/ fails it."""
    for name in ("kernel", "app", "annotate", "db", "exports", "desktop"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "db" / "sneaky.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "annotate" / "sneaky.py").write_text("import db\n")
    (tmp_path / "kernel" / "sneaky.py").write_text("import annotate\n")
    (tmp_path / "app" / "sneaky.py").write_text("import desktop.cli\n")
    env_result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, '.'); from importlinter.cli import lint_imports_command; "
         "sys.exit(lint_imports_command())"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert env_result.returncode != 0
    assert "db.sneaky" in env_result.stdout and "annotate.sneaky" in env_result.stdout
    assert "kernel.sneaky" in env_result.stdout and "app.sneaky" in env_result.stdout
