"""The database under a project: its sessions, the one writer at a time, undoable actions.

Every part of ``Project`` (articles, claims, registry, history, bulk) is handed the same
``Store`` and reads and writes only through it.
"""

from __future__ import annotations

import array
import contextlib
import sys
import threading
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .actions import Recorder, record_action
from .errors import ConcurrentWriteError
from .records import Changes


STREAM_CACHE_KIB = 256
"""SQLite's page cache (KiB) on a connection while it streams (``Store.streaming``)."""


class Store:
    """Sessions on one database URL; each ``reading``/``writing`` block is one short transaction."""

    def __init__(self, engine, url: str):
        self.engine = engine
        self.url = url
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(qd_write=True), expire_on_commit=False)
        self._lock = threading.RLock()  # one writer at a time in this process

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def streaming(self) -> Iterator[Session]:
        """``reading`` for a read that passes over many rows once (the exports' streams): on SQLite the
        connection's page cache is held to ``STREAM_CACHE_KIB`` for the block and set back after. Its usual
        2 MB (SQLite's default, per connection) only held pages such a read never reads again: +5 MB of a
        training export's peak, with claims and articles streamed on two connections."""
        with self.reading() as session:
            if self.dialect != "sqlite":
                yield session
                return
            connection = session.connection()
            before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar())
            connection.exec_driver_sql(f"PRAGMA cache_size = {-STREAM_CACHE_KIB}")
            try:
                yield session
            finally:
                if not connection.invalidated:  # (Ctrl+C in a fetch invalidates it: the interrupt is what to raise)
                    connection.exec_driver_sql(f"PRAGMA cache_size = {before}")

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        try:
            with self._lock, self._write() as session, session.begin():
                yield session
        except StaleDataError as exc:  # a conditional UPDATE/DELETE (… AND version = ?) matched no row
            raise ConcurrentWriteError() from exc

    @contextlib.contextmanager
    def action(self, label: str, annotator: str | None) -> Iterator[Recorder]:
        """One undoable user step: what the block records is stored as an action, in its transaction.

        A row someone else changed between this action's read and its write makes the whole
        action fail with a ConflictError naming that row, who changed it and when.
        """
        rec: Recorder | None = None
        try:
            with self.writing() as session:
                rec = Recorder(session, annotator)
                yield rec
                rec.action_id = record_action(session, rec, label)
        except ConcurrentWriteError as exc:
            if rec is None:
                raise
            with self.reading() as s:
                raise rec.stale_conflict(s) from exc


def id_column(session: Session, query) -> list[int]:
    """The first column (integer ids) of every row of a Core select, in its order.

    On SQLite the rows never reach Python one by one: the database packs the ids into one string
    (``group_concat`` of 16 hex digits each, over the query as a subquery, whose ORDER BY SQLite
    keeps for an aggregate like this one) and it is unpacked in C. The query runs in one step with
    the GIL released, and the Python work is a few milliseconds in one piece: a table's reader
    thread re-reading 120,000 ids no longer hands the GIL to and from the window's thread at every
    row (each handover can keep the window waiting a switch interval, benchmarks/bench_window_table.py).
    Elsewhere, the driver's rows, without SQLAlchemy's per-row Result processing.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        rows = query.subquery()
        packed = connection.execute(select(func.group_concat(func.printf("%016x", rows.c[0]), ""))).scalar()
        ids = array.array("q", bytes.fromhex(packed or ""))  # 8 bytes each, most significant first
        if sys.byteorder == "little":
            ids.byteswap()
        return ids.tolist()
    result = connection.execute(query)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


def changes_of(rec: Recorder) -> Changes:
    """What an action changed, for the views to refresh."""
    return changes_from(rec.touched, rec.ops, rec.action_id)


def changes_from(touched: dict[str, set[int]], ops: list[dict], action_id: int | None) -> Changes:
    """``Changes`` from the entities an action (or its undo) touched; a role change is its speaker's."""
    return Changes(
        articles=frozenset(touched.get("article", ())),
        claims=frozenset(touched.get("claim", ())),
        speakers=frozenset(touched.get("speaker", ())) | frozenset(
            op["row"]["speaker_id"] for op in ops if op["entity"] == "speaker_role" and "row" in op),
        topics=frozenset(touched.get("topic", ())),
        action_id=action_id,
        assignments=frozenset(op["row"]["article_id"] if "row" in op else op["article_id"]
                              for op in ops if op["entity"] == "assignment"),
        settings=frozenset(op["row"]["key"] if "row" in op else op["key"] for op in ops if op["entity"] == "config"),
    )


def clean(value: str | None) -> str | None:
    """Text as stored: stripped, and None when nothing is left."""
    if value is None:
        return None
    value = value.strip()
    return value or None
