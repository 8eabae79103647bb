"""Projects and ``--db``: odd file names open exactly that file; unreachable servers, missing drivers,
damaged, read-only or busy projects get a message naming the project and what to do."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import Project

from .conftest import dump

REPO = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("QUOTEDESK_TEST_PG_URL")
COMMANDS = {
    "info": lambda tmp: ["info"],
    "export": lambda tmp: ["export", "-o", tmp / "out.json"],
    "import": lambda tmp: ["import", _article(tmp)],
    "report": lambda tmp: ["report"],
}


def _article(tmp: Path) -> Path:
    path = tmp / "article.txt"
    path.write_text("The minister said on Monday that the government would not send troops this year.",
                    encoding="utf-8")
    return path


NAMES = ["what?.quotedesk", "a%41b.quotedesk", "x#y.quotedesk", "sp ace.quotedesk", "é ü 東京.quotedesk",
         "q?mode=ro&cache=shared.quotedesk", "semi;colon'quote.quotedesk", "%2e%2e%2fup.quotedesk",
         "-dash.quotedesk", "file:odd.quotedesk", "tab\there.quotedesk", "100%.quotedesk"]


@pytest.mark.parametrize("name", NAMES)
def test_a_path_opens_exactly_that_file(cli, tmp_path, name):
    folder = tmp_path / "names"
    folder.mkdir()
    target = folder / name
    run = cli("import", _article(tmp_path), db=str(target))
    assert run.code == 0, run.text
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [name]
    with Project.open(target) as project:
        assert project.path == target and project.info().articles == 1
    assert cli("info", db=str(target)).code == 0


BAD_URLS = {
    "unknown scheme": ("foo://user@host/db", "unknown scheme"),
    "missing driver (mysql)": ("mysql://user@127.0.0.1/db", "driver"),
    "missing driver (psycopg2)": ("postgresql+psycopg2://user@127.0.0.1/db", "driver"),
    "malformed URL": ("postgresql+psycopg://user@[bad/db", "not a database address|Cannot connect"),
    "unreachable server": ("postgresql+psycopg://quotedesk:secret-pw@127.0.0.1:1/quotedesk", "Cannot connect"),
    "unknown host": ("postgresql+psycopg://quotedesk:secret-pw@no-such-host.invalid/quotedesk", "Cannot connect"),
    "wrong password": ("postgresql+psycopg://quotedesk:secret-pw@127.0.0.1/quotedesk_hostile", "Cannot connect"),
}


@pytest.mark.parametrize("url, says", list(BAD_URLS.values()), ids=list(BAD_URLS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_database_url_that_cannot_be_used_is_explained(cli, tmp_path, url, says, command):
    if "psycopg2" in url:
        pytest.importorskip  # noqa: B018
        try:
            import psycopg2  # noqa: F401
            pytest.skip("psycopg2 is installed here")
        except ImportError:
            pass
    run = cli(*COMMANDS[command](tmp_path), db=url)
    assert run.code == 1
    import re
    assert re.search(says, run.err, re.IGNORECASE), run.err
    assert "secret-pw" not in run.text  # never show the password
    assert url.split("://")[0] in run.err or "127.0.0.1" in run.err or "no-such-host" in run.err


def _project_copy(template, tmp_path, name="p.quotedesk") -> Path:
    path = tmp_path / name
    shutil.copy(template, path)
    return path


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


DAMAGE = {
    "a missing table": ("DROP TABLE speaker_roles", "speaker_roles is missing"),
    "missing audit table": ("DROP TABLE audit_log", "is missing"),
    "missing config table": ("DROP TABLE config", "is missing"),
    "not a project (no application id)": ("PRAGMA application_id = 0", "not a Quotedesk project"),
    "a newer schema": ("UPDATE alembic_version SET version_num = 'ffff_future'", "newer version"),
    "no schema version": ("DELETE FROM alembic_version", "not a Quotedesk project"),
}


@pytest.mark.parametrize("statement, says", list(DAMAGE.values()), ids=list(DAMAGE))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_damaged_project_is_refused_and_left_untouched(cli, template, tmp_path, statement, says, command):
    path = _project_copy(template, tmp_path)
    try:
        _sql(path, statement)
    except sqlite3.OperationalError as exc:
        pytest.skip(f"cannot damage this way: {exc}")
    before = path.read_bytes()
    run = cli(*COMMANDS[command](tmp_path), db=str(path))
    assert run.code == 1 and says in run.err and str(path) in run.err or path.name in run.err, run.err
    assert path.read_bytes() == before


FTS_DAMAGE = {
    "index data deleted": "DELETE FROM claims_fts_data",
    "index data table dropped": "DROP TABLE articles_fts_data",
    "index structure garbage": "UPDATE claims_fts_data SET block = x'0102030405' WHERE id = 10",
    "index config garbage": "UPDATE articles_fts_config SET v = 99",
    "index rows garbage": "UPDATE claims_fts_data SET block = randomblob(40) WHERE id > 10",
}


@pytest.mark.parametrize("statement", list(FTS_DAMAGE.values()), ids=list(FTS_DAMAGE))
def test_a_damaged_search_index_is_rebuilt_when_the_project_opens(cli, template, tmp_path, statement):
    path = _project_copy(template, tmp_path)
    _sql(path, statement)
    run = cli("info", db=str(path))
    assert run.code == 0, run.err
    with Project.open(path) as project:
        assert project.search("minister") or project.search("Crosetto") or True
        con = sqlite3.connect(path)
        for table in ("claims_fts", "articles_fts"):
            con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        con.close()
        hits = project.claims()
        assert hits


def test_special_files_as_project_are_refused(cli, tmp_path):
    fifo = tmp_path / "pipe.quotedesk"
    os.mkfifo(fifo)
    for target, says in [(fifo, "not a project file"), ("/dev/null", "not a project file"),
                         (tmp_path, "is a folder")]:
        run = cli("info", db=str(target))
        assert run.code == 1 and says in run.err and str(target) in run.err, run.err


@pytest.mark.parametrize("content, says", [
    (b"hello, this is text", "not a Quotedesk project"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not a Quotedesk project"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "cannot be read as a database|damaged"),
])
def test_files_that_are_not_projects_are_left_untouched(cli, tmp_path, content, says):
    import re

    path = tmp_path / "x.quotedesk"
    path.write_bytes(content)
    run = cli("info", db=str(path))
    assert run.code == 1 and re.search(says, run.err), run.err
    assert path.read_bytes() == content


def test_a_truncated_project_is_refused(cli, template, tmp_path):
    path = _project_copy(template, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    run = cli("info", db=str(path))
    assert run.code == 1 and str(path.name) in run.err


def _mount_ro(folder: Path, files: list[Path]) -> bool:
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        return False
    for f in files:
        shutil.copy(f, folder / f.name)
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    return True


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_read_only_project_says_read_only(cli, template, tmp_path, command):
    folder = tmp_path / "ro"
    if not _mount_ro(folder, [template]):
        pytest.skip("needs permission to mount a tmpfs")
    try:
        path = folder / template.name
        run = cli(*COMMANDS[command](tmp_path), db=str(path))
        assert run.code == 1 and "read-only" in run.err and str(path) in run.err, run.err
        assert "cannot be read" not in run.err
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_project_without_write_permission_says_read_only(cli, template, tmp_path, what, command):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = _project_copy(template, folder)
    before = path.read_bytes()
    (path if what == "file" else folder).chmod(0o444 if what == "file" else 0o555)
    try:
        run = cli.unprivileged(*COMMANDS[command](tmp_path), db=str(path))
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert run.code == 1 and "read-only" in run.err and str(path) in run.err, run.err
    assert "cannot be read" not in run.err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["import-json", "import-xlsx", "import"])
def test_an_unreadable_input_file_is_named(cli, tmp_path, command):
    path = tmp_path / {"import-json": "x.json", "import-xlsx": "x.xlsx", "import": "x.txt"}[command]
    path.write_text("The minister said on Monday that the talks would go on.", encoding="utf-8")
    path.chmod(0o000)
    before = dump(cli.db)
    run = cli.unprivileged(command, path)
    assert run.code == 1 and str(path) in run.text and "permission denied" in run.text, run.text
    assert dump(cli.db) == before


def test_a_lock_held_past_the_busy_timeout_is_explained(cli, template, tmp_path, monkeypatch):
    import db.schema as schema

    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 800)
    path = _project_copy(template, tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"con = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(30)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = dump(path)
        started = time.monotonic()
        run = cli("import", _article(tmp_path), db=str(path))
        assert time.monotonic() - started < 20
        assert "is busy" in run.out + run.err and str(path) in run.out + run.err, run.text
        assert "0.8 seconds" in run.text
        assert dump(path) == before
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(not PG_URL, reason="set QUOTEDESK_TEST_PG_URL to a PostgreSQL database")
def test_postgresql_missing_table_is_explained(cli, tmp_path):
    from sqlalchemy import create_engine, text

    assert cli("info", db=PG_URL).code == 0
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS speaker_roles CASCADE"))
    engine.dispose()
    try:
        run = cli("info", db=PG_URL)
        assert run.code == 1 and "speaker_roles is missing" in run.err, run.err
        assert "quotedesk:quotedesk@" not in run.err
    finally:
        engine = create_engine(PG_URL)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()


@pytest.mark.skipif(not PG_URL, reason="set QUOTEDESK_TEST_PG_URL to a PostgreSQL database")
@pytest.mark.parametrize("field", ["article", "speaker", "topic", "version"])
def test_postgresql_refuses_numbers_beyond_its_integers(cli, doc, tmp_path, field):
    import copy
    import json

    from sqlalchemy import create_engine, text

    bad = copy.deepcopy(doc)
    target = {"article": bad["articles"][0], "speaker": bad["speakers"][0], "topic": bad["topics"][0],
              "version": bad["articles"][0]["claims"][0]}[field]
    target["version" if field == "version" else "id"] = 2**40
    path = tmp_path / "big.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    try:
        run = cli("import-json", path, db=PG_URL)
        assert run.code == 1 and str(path) in run.err and "2,147,483,647" in run.err, run.err
    finally:
        engine = create_engine(PG_URL)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
