"""The hostile-input suite: bad files and failing surroundings, run as a user would meet them.

Every case checks what the person at the keyboard sees (the command line's exit code and text) and
that a refused input left the project exactly as it was (a dump of the SQLite file before and after).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.exports import conftest as exports_conftest

_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def dump(path: Path) -> list[str]:
    """Every row of the project file, as SQL text; equal dumps mean an unchanged project."""
    con = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err

    def clean(self) -> Run:
        """No traceback, no bug report, no raw control characters sent to the terminal."""
        assert "Traceback" not in self.text, self.text
        assert "please report" not in self.text, self.text
        assert "unexpected error" not in self.text.lower(), self.text
        assert not _RAW_CONTROL.search(self.text), repr(self.text)
        return self


@dataclass
class Cli:
    """``quotedesk --db PROJECT …`` run in this process, as the console script runs it."""

    db: Path
    capsys: pytest.CaptureFixture

    def __call__(self, *args: str, db: str | None = None) -> Run:
        from desktop.cli import main

        command, *rest = args
        self.capsys.readouterr()
        code = main([command, "--db", str(db or self.db), *map(str, rest)])
        out, err = self.capsys.readouterr()
        return Run(code, out, err).clean()

    def unprivileged(self, *args: str, db: str | None = None) -> Run:
        """The same command in a process that file permissions apply to: as root, one without the
        capabilities that override them (so chmod-based cases run in a root container too)."""
        import os
        import subprocess
        import sys

        prefix = []
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("as root this needs setpriv to drop the permission-override capabilities")
            prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
        command, *rest = args
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        done = subprocess.run([*prefix, sys.executable, "-m", "desktop.cli", command, "--db", str(db or self.db),
                               *map(str, rest)], capture_output=True, text=True, env=env, timeout=300)
        return Run(done.returncode, done.stdout, done.stderr).clean()

    def refuses(self, *args: str, names: str | Path | None = None, says: str | None = None) -> Run:
        """The command fails with a message naming ``names`` (default: its last argument), and the
        project is unchanged."""
        before = dump(self.db)
        run = self(*args)
        assert run.code != 0, run.text
        name = str(names if names is not None else args[-1])
        assert name in run.text, f"{name!r} not named in: {run.text}"
        if says:
            assert re.search(says, run.text, re.IGNORECASE), f"{says!r} not in: {run.text}"
        assert dump(self.db) == before, "a refused input changed the project"
        return run


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """A project with articles, claims, verdicts and speakers (the exports' ``filled`` project), built once,
    and its JSON export; each test gets its own copy of the file."""
    from db import Project
    from exports.jsondoc import export_json

    folder = tmp_path_factory.mktemp("hostile-template")
    path = folder / "template.quotedesk"
    with Project.open(path) as project:
        exports_conftest.fill(project)
        export_json(project, folder / "template.json")
    return path


@pytest.fixture
def cli(template, project_path, capsys) -> Cli:
    shutil.copy(template, project_path)
    return Cli(project_path, capsys)


@pytest.fixture
def doc(template) -> dict:
    """The template project's quotedesk.v1 export."""
    return json.loads(template.with_name("template.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def workbook(template) -> Path:
    """The template project's editors' workbook (``quotedesk export --format xlsx``)."""
    from db import Project
    from exports.excel import export_xlsx

    path = template.with_name("template.xlsx")
    if not path.exists():
        with Project.open(template) as project:
            export_xlsx(project, path)
    return path


def rezip(source: Path, target: Path, replace: dict | None = None, *, add: dict | None = None) -> Path:
    """A copy of the ZIP ``source`` with parts replaced (bytes, or a function of the old bytes) or added."""
    import zipfile

    replace = replace or {}
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in replace:
                new = replace[info.filename]
                data = new(data) if callable(new) else new
                if data is None:
                    continue
            dst.writestr(info.filename, data)
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return target
