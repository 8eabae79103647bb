"""What database failures mean for the person at the keyboard.

SQLAlchemy and the drivers raise errors written for programmers ("database is
locked", "attempt to write a readonly database", "no such table",
"connection refused"). ``install(engine, where)`` hooks the engine's
``handle_error`` event so every such error, from any verb, reaches the user as a
ProjectError naming the project and saying what to do. ``opening_error`` does
the same for failures while a project is first opened (bad URL, missing driver,
unreachable server).
"""

from __future__ import annotations

import logging

from sqlalchemy import event
from sqlalchemy.engine import Engine

from .errors import CorruptProjectError, ProjectError

log = logging.getLogger(__name__)

FTS_TABLES = ("claims_fts", "articles_fts")


class ProjectBusyError(ProjectError):
    """Another program held the project's write lock for longer than the busy timeout."""


class ReadOnlyProjectError(ProjectError):
    pass


class SearchIndexError(CorruptProjectError):
    """The full-text index (derived data) is damaged; the articles and claims are not."""


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def describe(where: str, exc: BaseException, *, busy_seconds: float, statement: str | None = None) -> ProjectError | None:
    """The ProjectError for a driver error, or None when it is not one we can explain."""
    detail = _first_line(exc)
    low = detail.lower()
    if "database is locked" in low or "database table is locked" in low:
        return ProjectBusyError(
            f"The project {where} is busy: another Quotedesk window or command has been writing to it for more "
            f"than {busy_seconds:g} seconds. Nothing was changed; wait for the other program to finish (or "
            "close it) and try again.")
    if "readonly database" in low or "read-only" in low and "database" in low:
        return ReadOnlyProjectError(
            f"The project {where} is read-only for you. Quotedesk needs to write to the file and to its folder "
            "(for the -wal and -shm files beside it). Nothing was changed; change the permissions, or copy the "
            "file to a folder you may write to and open the copy.")
    if "unable to open database file" in low:
        return ReadOnlyProjectError(
            f"The project {where} cannot be opened for writing ({detail}). Check that you may write to the file "
            "and to its folder (SQLite keeps -wal and -shm files beside it).")
    if "database or disk is full" in low or "disk i/o error" in low:
        return ProjectError(f"The project {where} could not be written: {detail}. Nothing was changed; free some "
                            "disk space and try again.")
    if any(t in low for t in FTS_TABLES) or "fts5" in low or "vtable constructor failed" in low or (
            "malformed" in low and statement is not None and any(t in statement for t in FTS_TABLES)):
        return SearchIndexError(
            f"The full-text search index of {where} is damaged ({detail}). Nothing was changed; your articles and "
            "claims are not affected. Open the project again: Quotedesk checks the index when it opens a "
            "project and rebuilds it from the articles and claims.")
    if "out of range" in low or "integer overflow" in low or "too large" in low or "too big" in low:
        return ProjectError(f"A value is too large for the database {where} ({detail}). Nothing was changed; "
                            "check the numbers (ids, versions) you gave or are importing.")
    if "no such table" in low or "no such column" in low:
        return CorruptProjectError(
            f"The project {where} is damaged: {detail}. Nothing was changed. Restore a backup copy (files named "
            "*.backup-*.quotedesk beside it) or export what you can and start a new project.")
    if "malformed" in low or "not a database" in low:
        return CorruptProjectError(
            f"The project {where} is damaged ({detail}). Nothing was changed. Restore a backup copy (files named "
            "*.backup-*.quotedesk beside it).")
    return None


def install(engine: Engine, where: str, *, busy_seconds: float) -> None:
    """Translate the engine's driver errors into ProjectErrors (raised in their place)."""

    @event.listens_for(engine, "handle_error")
    def _translate(context):
        exc = context.original_exception
        if isinstance(exc, ProjectError):
            return None
        if context.is_disconnect and engine.dialect.name != "sqlite":
            raise ProjectError(f"The connection to the database server of {where} was lost ({_first_line(exc)}). "
                               "Nothing was changed by the failed step; check the network and the server, then "
                               "try again.") from context.sqlalchemy_exception
        mapped = describe(where, exc, busy_seconds=busy_seconds, statement=context.statement)
        if mapped is not None:
            log.info("Database error on %s: %s", where, exc)
            raise mapped from context.sqlalchemy_exception
        return None


def opening_error(where: str, exc: BaseException, *, busy_seconds: float) -> ProjectError | None:
    """A failure while opening a project (URL, driver, server, file), as a ProjectError; None for
    anything else (a bug, which is raised as it is)."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, InterfaceError

    if isinstance(exc, ProjectError):
        return exc
    if isinstance(exc, NoSuchModuleError):
        kind = str(exc).rsplit(":", 1)[-1].strip()
        return ProjectError(f"{where} is not a kind of database Quotedesk can open (unknown scheme “{kind}”). Give a "
                            "project file's path, sqlite:///PATH, or postgresql+psycopg://user@host/database.")
    if isinstance(exc, ArgumentError):
        return ProjectError(f"{where} is not a database address Quotedesk understands ({_first_line(exc)}). Give a "
                            "project file's path, or a URL such as postgresql+psycopg://user@host/database.")
    if isinstance(exc, ImportError):
        module = getattr(exc, "name", None) or _first_line(exc)
        hint = {"psycopg": "the PostgreSQL extra: pip install 'quotedesk[postgres]', or in a checkout "
                                "pip install -e '.[postgres]'", "psycopg2": "pip install psycopg2-binary",
                "pymysql": "pip install pymysql", "MySQLdb": "pip install mysqlclient"}.get(module, f"install {module}")
        return ProjectError(f"The database driver for {where} is not installed (Python module “{module}”). "
                            f"Install it ({hint}) in Quotedesk's environment, or use a driver that is installed.")
    mapped = describe(where, exc, busy_seconds=busy_seconds)
    if mapped is not None:
        return mapped
    if isinstance(exc, (OperationalError, InterfaceError)):
        return ProjectError(f"Cannot connect to the database {where}: {_first_line(exc)}. Check that the server is "
                            "running and reachable, and the address, user name and password in the URL.")
    if isinstance(exc, OSError):
        return ProjectError(f"Cannot open the project {where}: {exc.strerror or exc}. Check that the file and its "
                            "folder exist and that you may read and write them.")
    return None
