"""Full-text search: the one module that knows about SQLite FTS5.

Everything else asks this module for matching ids; on databases other than
SQLite (PostgreSQL for teams) the same questions are answered with ILIKE.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from sqlalchemy import Select, Text, cast, or_, select, text
from sqlalchemy.orm import Session

from .models import ArticleRow, ClaimRow, SpeakerRow
from .records import SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must occur, the last as a prefix."""
    words = _WORD.findall(user_text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _like(user_text: str) -> str:
    escaped = user_text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def speaker_ids_matching(user_text: str) -> Select:
    pattern = _like(user_text.strip())
    return select(SpeakerRow.id).where(
        or_(
            SpeakerRow.name.ilike(pattern, escape="\\"),
            cast(SpeakerRow.aliases, Text).ilike(pattern, escape="\\"),
        )
    )


def claim_ids_matching(session: Session, user_text: str) -> Select | None:
    """A SELECT of claim ids whose content, speaker mention, role, note or speaker match."""
    by_speaker = select(ClaimRow.id).where(ClaimRow.speaker_id.in_(speaker_ids_matching(user_text)))
    if _is_sqlite(session):
        query = fts_query(user_text)
        if query is None:
            return None
        fts = select(text("rowid")).select_from(text("claims_fts")).where(
            text("claims_fts MATCH :q").bindparams(q=query)
        )
        return select(ClaimRow.id).where(or_(ClaimRow.id.in_(fts), ClaimRow.id.in_(by_speaker)))
    pattern = _like(user_text.strip())
    return select(ClaimRow.id).where(
        or_(
            ClaimRow.content_text.ilike(pattern, escape="\\"),
            ClaimRow.mention_text.ilike(pattern, escape="\\"),
            ClaimRow.role.ilike(pattern, escape="\\"),
            ClaimRow.note.ilike(pattern, escape="\\"),
            ClaimRow.id.in_(by_speaker),
        )
    )


def article_ids_matching(session: Session, user_text: str) -> Select | None:
    if _is_sqlite(session):
        query = fts_query(user_text)
        if query is None:
            return None
        return select(text("rowid")).select_from(text("articles_fts")).where(
            text("articles_fts MATCH :q").bindparams(q=query)
        )
    pattern = _like(user_text.strip())
    return select(ArticleRow.id).where(
        or_(ArticleRow.title.ilike(pattern, escape="\\"), ArticleRow.text.ilike(pattern, escape="\\"))
    )


# The full-text tables, each with the table it indexes and the trigger that indexes a row as it is inserted.
_INDEXED = (("claims_fts", "claims", "claims_fts_ai"), ("articles_fts", "articles", "articles_fts_ai"))


@contextlib.contextmanager
def indexed_after_insert(session: Session) -> Iterator[None]:
    """Rows inserted in the block (new ids above each table's current highest) are added to the
    full-text indexes at its end, in one statement per index, instead of one row at a time.

    Inserting through the AFTER INSERT triggers costs SQLite ~40 µs a row with an executemany:
    FTS5 writes its pending terms out at every statement's end, so 100,000 claims make 100,000
    tiny index segments to merge. The triggers are dropped for the block and created again
    from their own stored SQL; all of it happens in the caller's transaction, so a rollback
    (an error, a cancel) brings them back as they were. Only SQLite has these indexes.
    """
    if not _is_sqlite(session):
        yield
        return
    conn = session.connection()
    floors, triggers = {}, []
    for fts, table, trigger in _INDEXED:
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                   (trigger,)).scalar()
        if sql is None:  # a project whose index is kept some other way: leave it alone
            continue
        floors[fts, table] = conn.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}").scalar()
        triggers.append((trigger, sql))
        conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
    yield
    for (fts, table), floor in floors.items():
        columns = ", ".join(r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({fts})"))
        conn.exec_driver_sql(f"INSERT INTO {fts}(rowid, {columns}) SELECT id, {columns} FROM {table} WHERE id > ?",
                             (floor,))
    for _, sql in triggers:
        conn.exec_driver_sql(sql)


def hits(session: Session, text: str, limit: int) -> list[SearchHit]:
    """Claims, articles and speakers matching what the user typed (``Project.search``)."""
    found: list[SearchHit] = []
    if not text or not text.strip():
        return found
    ids = claim_ids_matching(session, text)
    if ids is not None:
        for r in session.execute(select(ClaimRow.id, ClaimRow.article_id, ClaimRow.content_text)
                                 .where(ClaimRow.id.in_(ids), ClaimRow.layer.is_(None)).limit(limit)):
            found.append(SearchHit("claim", r.id, r.article_id, _snippet(r.content_text, text)))
    ids = article_ids_matching(session, text)
    if ids is not None:
        for r in session.execute(select(ArticleRow.id, ArticleRow.title, ArticleRow.text)
                                 .where(ArticleRow.id.in_(ids)).limit(limit)):
            found.append(SearchHit("article", r.id, r.id, r.title or _snippet(r.text, text)))
    for r in session.execute(select(SpeakerRow.id, SpeakerRow.name)
                             .where(SpeakerRow.id.in_(speaker_ids_matching(text))).limit(limit)):
        found.append(SearchHit("speaker", r.id, None, r.name))
    return found


def _snippet(text: str, query: str, width: int = 120) -> str:
    words = re.findall(r"\w+", query)
    pos = -1
    if words:
        m = re.search(re.escape(words[0]), text, re.IGNORECASE)
        pos = m.start() if m else -1
    start = max(0, pos - width // 3) if pos >= 0 else 0
    snippet = text[start:start + width].replace("\n", " ")
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")
