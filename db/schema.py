"""Opening a project database: engine set-up, file checks, schema versions.

A user's project file is their work. Before anything is written we check that
the file is a SQLite database, that it is a Quotedesk project, that it is not
corrupt and not from a newer Quotedesk. An older schema is upgraded with
Alembic in one transaction, after a backup copy is written beside the file.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url

from . import failures
from .errors import CorruptProjectError, NewerSchemaError, NotAProjectError, ProjectError

log = logging.getLogger(__name__)

# PRAGMA application_id marks a SQLite file as a Quotedesk project ("QDK1").
APPLICATION_ID = 0x51444B31
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 60_000
WRITE_POLL_S = (0.001, 0.005)
"""How often a write waiting for another connection's write lock tries again: every millisecond for the
first 0.1 s, then every 5 ms. SQLite's own busy handler sleeps in growing steps (up to 100 ms each), so
a keystroke's write in the window waited up to that long past the moment the helper process had
stored its article (benchmarks/bench_window_stall.py prints how long an accept takes)."""


def to_url(target: str | Path) -> str:
    """A database URL for a path or URL given by the user.

    A path is quoted into the URL, so that a file named ``what?.quotedesk`` or ``a%41b.quotedesk``
    opens exactly that file (not ``what`` or ``aAb``).
    """
    text = str(target)
    if "://" in text:
        return text
    path = str(Path(text).expanduser().resolve())
    return URL.create("sqlite", database=path).render_as_string(hide_password=False)


def display_name(url: str) -> str:
    """How messages name a project: its file path, or its URL without the password."""
    try:
        path = sqlite_path(url)
        return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)
    except Exception:  # a URL SQLAlchemy cannot parse: shown as given, minus anything like a password
        return url.split("@")[-1] if "@" in url else url


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
"""The schema's revisions, oldest first: those of the scripts in ``migrations/versions`` (a test holds
this to Alembic's own reading of them; a new migration adds its revision here). Opening a project only
compares its stored revision with these, so Alembic (12 MB and 0.25 s of imports) is loaded only to
upgrade one."""


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def alembic_revisions() -> list[str]:
    """The revisions of the migration scripts as Alembic reads them, oldest first."""
    from alembic.script import ScriptDirectory

    return [s.revision for s in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def create_project_engine(url: str) -> Engine:
    """An engine with our SQLite settings: WAL, foreign keys, busy timeout, explicit BEGIN.

    Write transactions start with ``BEGIN IMMEDIATE`` so that a second process
    waits for the write lock up front instead of failing half-way with
    "database is locked".
    """
    where = display_name(url)
    if sqlite_path(url) is None and make_url(url).get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        failures.install(engine, where, busy_seconds=BUSY_TIMEOUT_MS / 1000)
        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    failures.install(engine, where, busy_seconds=BUSY_TIMEOUT_MS / 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if sqlite_path(url) is not None:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    busy_ms = BUSY_TIMEOUT_MS

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("qd_write", False):
            _begin_immediate(conn, busy_ms)
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _begin_immediate(conn, busy_ms: int) -> None:
    """BEGIN IMMEDIATE, waiting for another connection's write lock in short polls (``WRITE_POLL_S``)
    rather than in SQLite's growing sleeps; past ``busy_ms`` one last try goes through SQLAlchemy, so
    the usual ProjectBusyError says the project is busy. Statements inside the transaction keep the
    connection's busy timeout."""
    raw = conn.connection.driver_connection
    deadline = time.monotonic() + busy_ms / 1000
    started = time.monotonic()
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while time.monotonic() < deadline:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_BUSY) & 0xFF != sqlite3.SQLITE_BUSY:
                    break  # not the lock: the last try below reports it as any other error
            time.sleep(WRITE_POLL_S[0] if time.monotonic() - started < 0.1 else WRITE_POLL_S[1])
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        raw.execute(f"PRAGMA busy_timeout = {busy_ms}")


def check_sqlite_file(path: Path) -> str | None:
    """Check an existing SQLite file without writing to it.

    Returns the Alembic revision stored in it, or None for an empty database.
    Raises a ProjectError subclass with a message for the user.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if not header:
        return None  # an empty file is an empty database
    if header != SQLITE_HEADER:
        raise NotAProjectError(
            f"{path.name} is not a Quotedesk project (it is not a SQLite database). "
            "The file was left untouched."
        )
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise CorruptProjectError(
                    f"{path.name} is damaged ({ok}). The file was left untouched; "
                    "restore a backup copy (files named *.backup-*.quotedesk beside it)."
                )
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptProjectError(
            f"{path.name} cannot be read as a database ({exc}). The file was left untouched."
        ) from exc
    if not tables:
        return None
    if app_id != APPLICATION_ID or revision is None:
        raise NotAProjectError(
            f"{path.name} is a SQLite database but not a Quotedesk project. The file was left untouched."
        )
    return revision


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) beside itself."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix or '.quotedesk'}")
    src = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in a database (Alembic's ``alembic_version`` table), None when it has
    none. One query, as ``check_sqlite_file`` reads it from a file: Alembic is loaded to upgrade only."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the Alembic upgrade in one transaction on the given engine."""
    from alembic import command

    cfg = alembic_config()
    with engine.execution_options(qd_write=True).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def prepare(url: str, *, create: bool = True) -> Engine:
    """Check, create or upgrade the database at ``url`` and return a ready engine.

    Every failure is a ProjectError that names the project and says what to do.
    """
    try:
        return _prepare(url, create=create)
    except Exception as exc:
        mapped = failures.opening_error(display_name(url), exc, busy_seconds=BUSY_TIMEOUT_MS / 1000)
        if mapped is None or mapped is exc:
            raise
        raise mapped from exc


def _check_writable(path: Path) -> None:
    folder = path.parent
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        which = "file" if not os.access(path, os.W_OK) else "folder it is in"
        raise failures.ReadOnlyProjectError(
            f"The project {path} is read-only for you (the {which} cannot be written). Quotedesk needs to write "
            "to the file and its folder, even to show it (SQLite keeps -wal and -shm files beside it). Nothing "
            "was changed; change the permissions, or copy the file to a folder you may write to and open the copy.")


def _check_tables(engine: Engine, where: str) -> None:
    """A project at the current schema must have every table; say which one is missing."""
    from .models import Base

    present = set(inspect(engine).get_table_names())
    missing = sorted(set(Base.metadata.tables) - present)
    if missing:
        raise CorruptProjectError(
            f"The project {where} is damaged: its table{'s' * (len(missing) > 1)} {', '.join(missing)} "
            f"{'are' if len(missing) > 1 else 'is'} missing. The file was left untouched; restore a backup copy "
            "(files named *.backup-*.quotedesk beside it).")


def _check_search_index(engine: Engine, where: str) -> None:
    """Probe the full-text indexes and rebuild one that is damaged (it is derived from the tables)."""
    for table in failures.FTS_TABLES:
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(f"SELECT rowid FROM {table} WHERE {table} MATCH 'a* OR e* OR the' LIMIT 5").all()
                conn.exec_driver_sql(f"SELECT count(*) FROM {table}_data WHERE id = 10").scalar_one()
            continue
        except failures.SearchIndexError:
            pass
        except Exception as exc:  # sqlalchemy's error for a missing shadow table
            if table not in str(exc) and "fts5" not in str(exc).lower():
                raise
        log.warning("The search index %s of %s is damaged; rebuilding it", table, where)
        _rebuild_search_index(engine, table)


def _rebuild_search_index(engine: Engine, table: str) -> None:
    """FTS5's own 'rebuild' from the content table; when the index cannot even be loaded (a shadow
    table lost), the index is removed and created again, then rebuilt."""
    raw = engine.raw_connection()
    try:
        con = raw.driver_connection
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            con.execute("COMMIT")
            return
        except sqlite3.DatabaseError:
            con.execute("ROLLBACK")
        con.execute("BEGIN IMMEDIATE")
        try:
            try:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            except sqlite3.DatabaseError:  # cannot load it to drop it: remove its parts by hand
                for shadow in ("data", "idx", "docsize", "config", "content"):
                    con.execute(f"DROP TABLE IF EXISTS {table}_{shadow}")
                con.execute("PRAGMA writable_schema = ON")
                con.execute("DELETE FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
                con.execute("PRAGMA writable_schema = OFF")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        raw.close()
    engine.dispose()  # connections that cached the old schema
    raw = engine.raw_connection()
    try:
        con = raw.driver_connection
        con.execute("BEGIN IMMEDIATE")
        for statement in _fts_statements(table):
            con.execute(statement)
        con.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        con.execute("COMMIT")
    finally:
        raw.close()


def _fts_statements(table: str) -> list[str]:
    """The CREATE statement of one full-text table (its triggers live on the content table and stay)."""
    import importlib

    initial = importlib.import_module("db.migrations.versions.0001_initial")
    return [s for s in initial.SQLITE_FTS if s.lstrip().startswith(f"CREATE VIRTUAL TABLE {table} ")]


def _prepare(url: str, *, create: bool) -> Engine:
    path = sqlite_path(url)
    revision: str | None = None
    if path is not None:
        if path.exists():
            if path.is_dir():
                raise ProjectError(f"{path} is a folder, not a project file.")
            if not path.is_file():
                raise NotAProjectError(f"{path} is not a project file (a device, pipe or socket).")
            _check_writable(path)
            revision = check_sqlite_file(path)
        elif not create:
            raise ProjectError(f"There is no project at {path}.")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_project_engine(url)
    if path is None:
        revision = current_revision(engine)
        if revision is None and inspect(engine).get_table_names():
            engine.dispose()
            raise NotAProjectError(f"The database {display_name(url)} has tables but is not a Quotedesk project. "
                                   "It was left untouched; give an empty database or a Quotedesk project.")

    head = head_revision()
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise NewerSchemaError(
            f"The project {display_name(url)} was saved by a newer version of Quotedesk "
            f"(schema {revision}; this version knows up to {head}). "
            "Update Quotedesk to open it. The file was left untouched."
        )
    if revision != head:
        if revision is not None and path is not None:
            backup = backup_sqlite(path, revision)
            log.info("Backed up %s to %s before upgrading", path, backup)
        try:
            upgrade(engine)
        except Exception:
            engine.dispose()
            raise
        if path is not None:
            with engine.connect() as conn:
                ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            if ok != "ok":
                engine.dispose()
                raise CorruptProjectError(f"The upgraded project failed its integrity check: {ok}.")
    try:
        _check_tables(engine, display_name(url))
        if path is not None:
            _check_search_index(engine, str(path))
    except Exception:
        engine.dispose()
        raise
    return engine
