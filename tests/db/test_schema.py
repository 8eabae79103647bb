"""Opening project files: creation, upgrades with backup, and refusing what we must not touch."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from db import CorruptProjectError, NewerSchemaError, NotAProjectError, Project
from db.models import Base
from db.schema import APPLICATION_ID, head_revision

V1 = Path(__file__).parent / "data" / "v1.quotedesk"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_is_at_head_with_wal_and_marker(project_path):
    with Project.open(project_path) as project:
        assert project.info().schema_version == head_revision()
    con = sqlite3.connect(project_path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def _settled_by_fk(diff) -> bool:
    return diff[0] in ("add_fk", "remove_fk") and [c.name for c in diff[1].columns] == ["settled_by"]


def test_models_match_the_migrations(project):
    with project._store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        sqlite = conn.dialect.name == "sqlite"
        fks = conn.exec_driver_sql("PRAGMA foreign_key_list(claims)").all() if sqlite else []
    if sqlite:
        # 0006 adds claims.settled_by with an inline REFERENCES … ON DELETE SET NULL (SQLite's ALTER TABLE
        # cannot add a table constraint); SQLAlchemy reflects ON DELETE only from table constraints, so
        # the FK is checked here from SQLite itself instead.
        assert [(r[2], r[3], r[6]) for r in fks if r[3] == "settled_by"] == [("claims", "settled_by", "SET NULL")]
        diffs = [d for d in diffs if not _settled_by_fk(d)]
    assert [d for d in diffs if "fts" not in str(d)] == []


def test_v1_file_is_upgraded_after_a_backup(tmp_path):
    path = tmp_path / "old.quotedesk"
    shutil.copy(V1, path)
    with Project.open(path) as p:
        assert p.info().schema_version == head_revision() != "0001"
        claims = p.claims()
        assert len(claims) == 2
        confirmed = [c for c in claims if c.status == "confirmed"][0]
        assert confirmed.stance == "favor" and confirmed.topic == "Italy sending peacekeepers to Ukraine"
        assert confirmed.verdict_date is None  # column added by 0002
        assert p.claim_history(confirmed.id)[0].kind == "create"
        assert p.undo_label("ana") == "Accept claim"  # undo history survives the upgrade
    backups = list(tmp_path.glob("old.backup-0001-*.quotedesk"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 2
    con.close()
    with Project.open(path) as p:  # a second open does not back up again
        assert p.info().schema_version == head_revision()
    assert len(list(tmp_path.glob("old.backup-*"))) == 1


def test_file_from_a_newer_quotedesk_is_refused_untouched(tmp_path):
    path = tmp_path / "future.quotedesk"
    shutil.copy(V1, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError, match="newer version of Quotedesk"):
        Project.open(path)
    assert digest(path) == before
    assert not list(tmp_path.glob("*backup*"))


def test_text_file_is_not_a_project_and_is_left_untouched(tmp_path):
    path = tmp_path / "notes.quotedesk"
    path.write_text("these are my notes, not a database\n" * 50)
    before = digest(path)
    with pytest.raises(NotAProjectError, match="not a Quotedesk project"):
        Project.open(path)
    assert digest(path) == before


def test_other_sqlite_database_is_not_a_project(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('x')")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotAProjectError, match="not a Quotedesk project"):
        Project.open(path)
    assert digest(path) == before


def test_corrupt_project_gets_a_clear_message_and_is_left_untouched(tmp_path):
    path = tmp_path / "broken.quotedesk"
    shutil.copy(V1, path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, min(len(data), 6 * page)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(CorruptProjectError, match="left untouched"):
        Project.open(path)
    assert digest(path) == before


def test_missing_project_without_create_is_reported(tmp_path):
    from db import ProjectError

    with pytest.raises(ProjectError, match="no project"):
        Project.open(tmp_path / "nope.quotedesk", create=False)


def test_the_known_revisions_are_the_migration_scripts():
    from db.schema import REVISIONS, alembic_revisions, head_revision

    assert list(REVISIONS) == alembic_revisions() and head_revision() == REVISIONS[-1]


def test_opening_a_project_at_head_does_not_load_alembic(project):
    """Alembic is loaded to upgrade a project, not to open one (every command and the window open one):
    the revision is read with one query, on SQLite and PostgreSQL alike."""
    import subprocess
    import sys

    url = project.url
    project.close()  # created and upgraded here, in this process
    code = ("import sys; from db import Project; p = Project.open(sys.argv[1], create=False); p.count_claims(); "
            "print(p.info().schema_version, sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [head_revision(), "[]"]


def test_a_database_from_a_newer_quotedesk_is_refused_without_alembic(project):
    """The newer-version check reads the stored revision itself (SQLite's file check, PostgreSQL's query)."""
    url, engine = project.url, project._store.engine
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    try:
        with pytest.raises(NewerSchemaError, match=r"newer version of Quotedesk \(schema 9999; this version knows up to"):
            Project.open(url, create=False)
    finally:  # the PostgreSQL database is shared by the tests that follow
        with engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{head_revision()}'")
