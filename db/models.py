"""SQLAlchemy ORM models. Private to db/: nothing here leaves the package.

The schema itself is owned by the Alembic migrations in ``db/migrations``; these
models must describe the same tables (``tests/db/test_schema.py`` checks they agree).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates


def name_key(name: str) -> str:
    """The form names are compared in: NFC, Unicode case-folded ("Šimek" and "ŠIMEK" -> "šimek").

    Stored beside a speaker's or topic's name and compared exactly, because SQL ``lower()`` is not
    Unicode case folding (SQLite's folds ASCII letters only).
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name.strip()).casefold())


def _key_default(context) -> str:
    """Column default for Core inserts that give a name but no key."""
    return name_key(context.get_current_parameters()["name"])


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_source: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(16))
    raw_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    suggested_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # every UPDATE and DELETE of the row is conditional on this (WHERE id = ? AND version = ?); db.actions bumps it
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    claims: Mapped[list[ClaimRow]] = relationship(back_populates="article", passive_deletes=True)


class SpeakerRow(Base):
    __tablename__ = "speakers"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    name_key: Mapped[str | None] = mapped_column(Text, index=True, default=_key_default)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    affiliation: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # every UPDATE and DELETE of the row is conditional on this (WHERE id = ? AND version = ?); db.actions bumps it
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    roles: Mapped[list[SpeakerRoleRow]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", order_by="SpeakerRoleRow.id"
    )

    @validates("name")
    def _keep_key(self, _field: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class SpeakerRoleRow(Base):
    __tablename__ = "speaker_roles"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)

    speaker: Mapped[SpeakerRow] = relationship(back_populates="roles")


class TopicRow(Base):
    __tablename__ = "topics"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    name_key: Mapped[str | None] = mapped_column(Text, index=True, default=_key_default)
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    examples: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # every UPDATE and DELETE of the row is conditional on this (WHERE id = ? AND version = ?); db.actions bumps it
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    @validates("name")
    def _keep_key(self, _field: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class AnnotatorRow(Base):
    __tablename__ = "annotators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_article_position", "article_id", "start", "id"),
                      Index("ix_claims_article_layer", "article_id", "layer"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    mention_text: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_assumed: Mapped[bool] = mapped_column(Boolean, default=False)
    stance: Mapped[str | None] = mapped_column(String(16))
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topics.id", ondelete="SET NULL"), index=True
    )
    verdict_rating: Mapped[str | None] = mapped_column(Text)
    verdict_explanation: Mapped[str | None] = mapped_column(Text)
    verdict_url: Mapped[str | None] = mapped_column(Text)
    verdict_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)
    origin: Mapped[str] = mapped_column(String(16))
    model_name: Mapped[str | None] = mapped_column(Text)
    model_version: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    annotator: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # A split quote's pieces in text order, [{"start", "end", "text"}, ...]; NULL for a claim in one
    # piece. start/end/content_text above always hold the whole (first piece's start to last's end).
    fragments: Mapped[list | None] = mapped_column(JSON)
    # NULL: the project's final layer. A name: that annotator's private layer in blind annotation.
    layer: Mapped[str | None] = mapped_column(Text)
    # A layer claim settled by adjudication: the final claim made from it (or the rejected final, "no claim").
    settled_by: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"), index=True)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    article: Mapped[ArticleRow] = relationship(back_populates="claims")
    speaker: Mapped[SpeakerRow | None] = relationship()
    topic: Mapped[TopicRow | None] = relationship()


class LayerRow(Base):
    """An annotator's layer of an article, opened once (its suggestions copied in then)."""

    __tablename__ = "layers"
    __table_args__ = (UniqueConstraint("article_id", "annotator", name="uq_layers_article_annotator"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    annotator: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AssignmentRow(Base):
    """An article given to an annotator."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("article_id", "annotator", name="uq_assignments_article_annotator"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    annotator: Mapped[str] = mapped_column(Text, index=True)
    assigned_at: Mapped[dt.datetime] = mapped_column(DateTime)
    assigned_by: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ActionRow(Base):
    """One user-level action (accept, edit, merge...): the unit of undo/redo."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    annotator: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    # "done" (on the undo stack), "undone" (on the redo stack), "dropped" (redo lost to a new action)
    state: Mapped[str] = mapped_column(String(8), index=True)
    ops: Mapped[list] = mapped_column(JSON)


class AuditRow(Base):
    """Append-only history of every change to a claim, speaker or topic."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int] = mapped_column(Integer)
    action_id: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # create | update | delete | undo | redo
    field: Mapped[str | None] = mapped_column(Text)
    old: Mapped[object | None] = mapped_column(JSON)
    new: Mapped[object | None] = mapped_column(JSON)
    annotator: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class ConfigRow(Base):
    __tablename__ = "config"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128))
    value: Mapped[object | None] = mapped_column(JSON)
