"""The ``Project`` facade: the only way the rest of Quotedesk reads or writes a project.

Every verb runs in its own short transaction and takes and returns plain frozen
records (``db.records``); no ORM object leaves this package. Verbs that change
something return a ``Changes`` record. User changes to claims, speakers and
topics are undoable actions (``db.actions``), kept in the database so undo
survives a restart.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kernel import KINDS, STANCES, STATUSES, ClaimDraft, Span, content_hash

from . import convert, fragments, schema, search
from .actions import Recorder, apply_ops, audit, ensure_annotator, now, record_action, snapshot
from .errors import (
    DuplicateArticleError,
    InvalidValueError,
    NotFoundError,
    NothingToUndoError,
)
from .models import (
    ActionRow,
    AnnotatorRow,
    ArticleRow,
    AuditRow,
    ClaimRow,
    ConfigRow,
    SpeakerRoleRow,
    SpeakerRow,
    TopicRow,
    name_key,
)
from .registry import RegistryVerbs
from .transfer import TransferVerbs
from .records import (
    Article,
    ArticleSummary,
    AuditEntry,
    Changes,
    Claim,
    ClaimFilter,
    HistoryItem,
    NewArticle,
    ProjectInfo,
    SearchHit,
    Speaker,
    SpeakerRole,
    Topic,
)

SIMPLE_CLAIM_FIELDS = {
    "kind", "role", "date", "date_text", "date_assumed", "stance", "verdict_rating",
    "verdict_explanation", "verdict_url", "verdict_date", "note", "status", "annotator",
}
SPAN_FIELDS = {"content": ("start", "end", "content_text"), "cue": ("cue_start", "cue_end", "cue_text"),
               "mention": ("mention_start", "mention_end", "mention_text")}
ARTICLE_FIELDS = {"title", "url", "publisher", "author", "published", "published_source", "language", "done"}


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


class Project(RegistryVerbs, TransferVerbs):
    """A Quotedesk project on a database URL (a SQLite file by default)."""

    def __init__(self, engine, url: str):
        self._engine = engine
        self._write_engine = engine.execution_options(qd_write=True)
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        self._lock = threading.RLock()  # one writer at a time in this process
        self.url = url

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, target: str | Path, *, create: bool = True) -> Project:
        """Open (creating or upgrading as needed) the project at a path or database URL."""
        url = schema.to_url(target)
        engine = schema.prepare(url, create=create)
        return cls(engine, url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        return schema.sqlite_path(self.url)

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Session]:
        with self._lock, self._write() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _action(self, label: str, annotator: str | None) -> Iterator[Recorder]:
        with self._writing() as session:
            rec = Recorder(session, annotator)
            yield rec
            rec.action_id = record_action(session, rec, label)

    @staticmethod
    def _changes(rec: Recorder) -> Changes:
        t = rec.touched
        return Changes(
            articles=frozenset(t.get("article", ())),
            claims=frozenset(t.get("claim", ())),
            speakers=frozenset(t.get("speaker", ())) | frozenset(
                op["row"]["speaker_id"] for op in rec.ops if op["entity"] == "speaker_role" and "row" in op),
            topics=frozenset(t.get("topic", ())),
            action_id=getattr(rec, "action_id", None),
        )

    # -------------------------------------------------------------------- info
    def info(self) -> ProjectInfo:
        with self._reading() as s:
            by_status = dict(s.execute(select(ClaimRow.status, func.count()).group_by(ClaimRow.status)).all())
            titles = tuple(t or "(untitled)" for t in s.scalars(select(ArticleRow.title).order_by(ArticleRow.id)))
            rev = s.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            return ProjectInfo(
                url=self.url,
                path=str(self.path) if self.path else None,
                schema_version=rev,
                articles=len(titles),
                claims=sum(by_status.values()),
                claims_by_status=by_status,
                speakers=s.scalar(select(func.count()).select_from(SpeakerRow)),
                topics=s.scalar(select(func.count()).select_from(TopicRow)),
                article_titles=titles,
            )

    # ----------------------------------------------------------------- config
    def get_config(self, key: str, default: Any = None) -> Any:
        with self._reading() as s:
            row = s.scalar(select(ConfigRow).where(ConfigRow.key == key))
            return default if row is None else row.value

    def set_config(self, key: str, value: Any) -> None:
        with self._writing() as s:
            row = s.scalar(select(ConfigRow).where(ConfigRow.key == key))
            if row is None:
                s.add(ConfigRow(key=key, value=value))
            else:
                row.value = value

    # --------------------------------------------------------------- articles
    def add_article(self, new: NewArticle) -> tuple[Article, Changes]:
        """Store an imported article; raises DuplicateArticleError when its text is already here."""
        if not new.text or not new.text.strip():
            raise InvalidValueError("The article has no text.")
        digest = new.content_hash or content_hash(new.text)
        with self._writing() as s:
            existing = s.execute(
                select(ArticleRow.id, ArticleRow.title).where(ArticleRow.content_hash == digest)
            ).first()
            if existing:
                raise DuplicateArticleError(existing.id, existing.title)
            row = ArticleRow(
                title=_clean(new.title), source=new.source, url=_clean(new.url), publisher=_clean(new.publisher),
                author=_clean(new.author), published=new.published,
                published_source=new.published_source if new.published else None,
                language=new.language, raw_text=new.raw_text if new.raw_text is not None else new.text,
                text=new.text, content_hash=digest, imported_at=now(), done=False,
            )
            s.add(row)
            try:
                s.flush()
            except IntegrityError as exc:  # a concurrent import of the same text
                raise DuplicateArticleError(-1, new.title) from exc
            return convert.article(row), Changes(articles=frozenset({row.id}))

    def article(self, article_id: int) -> Article:
        with self._reading() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"There is no article {article_id} in this project.")
            return convert.article(row)

    def find_article_by_hash(self, digest: str) -> int | None:
        with self._reading() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest))

    def articles(self, search_text: str | None = None) -> list[ArticleSummary]:
        """The article list with claim counts, newest publication first."""
        counts = {}
        with self._reading() as s:
            for article_id, status, n in s.execute(
                select(ClaimRow.article_id, ClaimRow.status, func.count()).group_by(ClaimRow.article_id, ClaimRow.status)
            ):
                counts.setdefault(article_id, {})[status] = n
            q = select(ArticleRow.id, ArticleRow.title, ArticleRow.publisher, ArticleRow.published,
                       ArticleRow.published_source, ArticleRow.url, ArticleRow.done, ArticleRow.suggested_at)
            if search_text and search_text.strip():
                ids = search.article_ids_matching(s, search_text)
                if ids is None:
                    return []
                q = q.where(ArticleRow.id.in_(ids))
            q = q.order_by(ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id)
            out = []
            for r in s.execute(q):
                c = counts.get(r.id, {})
                out.append(ArticleSummary(
                    id=r.id, title=r.title, publisher=r.publisher, published=r.published,
                    published_source=r.published_source, url=r.url, done=bool(r.done),
                    suggested=c.get("suggested", 0), confirmed=c.get("confirmed", 0),
                    rejected=c.get("rejected", 0), suggested_at=r.suggested_at,
                ))
            return out

    def article_ids(self, *, lacking_suggestions: bool = False) -> list[int]:
        with self._reading() as s:
            q = select(ArticleRow.id).order_by(ArticleRow.id)
            if lacking_suggestions:
                q = q.where(ArticleRow.suggested_at.is_(None))
            return list(s.scalars(q))

    def update_article(self, article_id: int, *, annotator: str | None = None, **fields: Any) -> Changes:
        """Change article metadata (title, published date, done mark...), undoably."""
        unknown = set(fields) - ARTICLE_FIELDS
        if unknown:
            raise InvalidValueError(f"Unknown article field(s): {', '.join(sorted(unknown))}.")
        if "published" in fields and "published_source" not in fields:
            fields["published_source"] = "user" if fields["published"] else None
        with self._action("Edit article", annotator) as rec:
            row = rec.session.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"There is no article {article_id} in this project.")
            for key, value in fields.items():
                rec.set(row, key, _clean(value) if isinstance(value, str) else value)
        return self._changes(rec) | Changes(articles=frozenset({article_id}))

    def delete_article(self, article_id: int) -> Changes:
        """Remove an article and its claims (their audit history stays)."""
        with self._writing() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise NotFoundError(f"There is no article {article_id} in this project.")
            claim_rows = list(s.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id)))
            at = now()
            ops = [{"op": "delete", "entity": "claim", "id": c.id, "row": snapshot(c)} for c in claim_rows]
            audit(s, ops, kind=None, action_id=None, annotator=None, at=at)
            for c in claim_rows:
                s.delete(c)
            s.delete(row)
            return Changes(articles=frozenset({article_id}), claims=frozenset(c.id for c in claim_rows))

    # ------------------------------------------------------------------ claims
    def _claim_query(self):
        return (
            select(ClaimRow, SpeakerRow.name, TopicRow.name, ArticleRow.title, ArticleRow.published)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
            .outerjoin(TopicRow, TopicRow.id == ClaimRow.topic_id)
        )

    def claim(self, claim_id: int) -> Claim:
        with self._reading() as s:
            r = s.execute(self._claim_query().where(ClaimRow.id == claim_id)).first()
            if r is None:
                raise NotFoundError(f"There is no claim {claim_id} in this project.")
            return convert.claim(*r)

    def _filtered(self, s: Session, q, f: ClaimFilter):
        if f.article_id is not None:
            q = q.where(ClaimRow.article_id == f.article_id)
        if f.statuses is not None:
            q = q.where(ClaimRow.status.in_(f.statuses))
        if f.speaker_id is not None:
            q = q.where(ClaimRow.speaker_id == f.speaker_id)
        if f.topic_id is not None:
            q = q.where(ClaimRow.topic_id == f.topic_id)
        if f.stance is not None:
            q = q.where(ClaimRow.stance == f.stance)
        if f.date_from is not None:
            q = q.where(ClaimRow.date >= f.date_from)
        if f.date_to is not None:
            q = q.where(ClaimRow.date <= f.date_to)
        if f.ids is not None:
            q = q.where(ClaimRow.id.in_(f.ids))
        if f.text and f.text.strip():
            ids = search.claim_ids_matching(s, f.text)
            if ids is not None:
                q = q.where(ClaimRow.id.in_(ids))
        return q

    def claims(self, f: ClaimFilter | None = None) -> list[Claim]:
        """Claims matching a filter, in article then text order."""
        f = f or ClaimFilter()
        with self._reading() as s:
            q = self._filtered(s, self._claim_query(), f).order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
            if f.limit is not None:
                q = q.limit(f.limit)
            if f.offset:
                q = q.offset(f.offset)
            return [convert.claim(*r) for r in s.execute(q)]

    def count_claims(self, f: ClaimFilter | None = None) -> int:
        f = f or ClaimFilter()
        with self._reading() as s:
            q = self._filtered(s, select(func.count(ClaimRow.id)), f)
            return s.scalar(q)

    def _span_values(self, text: str, span: Span | None, what: str) -> tuple[int | None, int | None, str | None]:
        if span is None:
            return None, None, None
        start, end = int(span.start), int(span.end)
        if not (0 <= start < end <= len(text)):
            raise InvalidValueError(
                f"The {what} span {start}–{end} is outside the article text (0–{len(text)})."
            )
        return start, end, text[start:end]

    def _content_values(self, text: str, content: Span | None, pieces, what: str = "claim"
                        ) -> tuple[int, int, str, list[dict] | None]:
        """start, end, text and the stored fragments of a claim's content given as a span and/or its pieces."""
        if content is None and not pieces:
            raise InvalidValueError("A claim needs its content span.")
        if len(pieces or ()) <= 1:
            if pieces and content is not None and (pieces[0].start, pieces[0].end) != (content.start, content.end):
                raise InvalidValueError(f"The {what}'s only content fragment ({pieces[0].start}–{pieces[0].end}) "
                                        f"differs from its content span ({content.start}–{content.end}).")
            start, end, value = self._span_values(text, content if content is not None else pieces[0], "content")
            return start, end, value, None
        checked = fragments.checked(text, pieces, what)
        span = fragments.whole(checked, text)
        if content is not None and (content.start, content.end) != (span.start, span.end):
            raise InvalidValueError(
                f"The {what}'s content span ({content.start}–{content.end}) must run from its first fragment's "
                f"start to its last fragment's end ({span.start}–{span.end}).")
        return span.start, span.end, span.text, fragments.to_stored(checked)

    @staticmethod
    def _check_choice(name: str, value: Any, allowed: Sequence[str], optional: bool) -> None:
        if value is None and optional:
            return
        if value not in allowed:
            raise InvalidValueError(f"{name.capitalize()} must be one of {', '.join(allowed)}, not {value!r}.")

    def _resolve_speaker(self, rec: Recorder | None, s: Session, name: str | None) -> int | None:
        name = _clean(name)
        if not name:
            return None
        found = self._speaker_id_named(s, name)
        if found is not None:
            return found
        row = SpeakerRow(name=name, aliases=[], affiliation=None, created_at=now())
        s.add(row)
        s.flush()
        if rec is not None:
            rec.inserted(row)
        return row.id

    @staticmethod
    def _speaker_id_named(s: Session, name: str) -> int | None:
        """The speaker whose name or one of whose aliases is ``name`` (case-insensitive)."""
        key = name_key(name)
        found = s.scalar(select(SpeakerRow.id).where(SpeakerRow.name_key == key).order_by(SpeakerRow.id))
        if found is not None:
            return found
        for sid, aliases in s.execute(select(SpeakerRow.id, SpeakerRow.aliases).order_by(SpeakerRow.id)):
            if any(name_key(a) == key for a in aliases or ()):
                return sid
        return None

    def _resolve_topic(self, rec: Recorder | None, s: Session, name: str | None) -> int | None:
        name = _clean(name)
        if not name:
            return None
        found = s.scalar(select(TopicRow.id).where(TopicRow.name_key == name_key(name)).order_by(TopicRow.id))
        if found is not None:
            return found
        row = TopicRow(name=name, keywords=[], examples=[], created_at=now())
        s.add(row)
        s.flush()
        if rec is not None:
            rec.inserted(row)
        return row.id

    def _new_claim_row(self, s: Session, rec: Recorder | None, article: ArticleRow, new: ClaimDraft,
                       annotator: str | None) -> ClaimRow:
        self._check_choice("kind", new.kind, KINDS, optional=False)
        self._check_choice("status", new.status, STATUSES, optional=False)
        self._check_choice("stance", new.stance, STANCES, optional=True)
        start, end, text, pieces = self._content_values(article.text, new.content, new.fragments)
        cue = self._span_values(article.text, new.cue, "cue")
        mention = self._span_values(article.text, new.mention, "speaker mention")
        stamp = now()
        speaker_id = self._resolve_speaker(rec, s, new.speaker)
        role = _clean(new.role)
        if role is None and speaker_id is not None:  # not in the text: the role held on that date
            role = self._registry_role(s, speaker_id, new.date or article.published)
        row = ClaimRow(
            article_id=article.id, start=start, end=end, content_text=text, fragments=pieces, kind=new.kind,
            cue_start=cue[0], cue_end=cue[1], cue_text=cue[2],
            speaker_id=speaker_id,
            mention_start=mention[0], mention_end=mention[1], mention_text=mention[2],
            role=role, date=new.date, date_text=_clean(new.date_text),
            date_assumed=bool(new.date_assumed), stance=new.stance,
            topic_id=self._resolve_topic(rec, s, new.topic), note=_clean(new.note),
            verdict_rating=_clean(new.verdict_rating), verdict_explanation=_clean(new.verdict_explanation),
            verdict_url=_clean(new.verdict_url), verdict_date=new.verdict_date,
            status=new.status, origin=new.origin, model_name=new.model_name,
            model_version=new.model_version, confidence=new.confidence, annotator=annotator,
            created_at=stamp, updated_at=stamp, version=1,
        )
        s.add(row)
        s.flush()
        return row

    def save_suggestions(self, article_id: int, suggestions: Iterable[ClaimDraft], *, redo: bool = False) -> Changes:
        """Store model suggestions for an article.

        Never touches confirmed or rejected claims. With ``redo`` the article's
        earlier pending model suggestions are replaced; otherwise a suggestion
        whose span is already stored, or that overlaps a claim a person has
        decided on, is skipped, so running twice adds nothing.
        """
        with self._writing() as s:
            article = s.get(ArticleRow, article_id)
            if article is None:
                raise NotFoundError(f"There is no article {article_id} in this project.")
            at = now()
            existing = list(s.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id)))
            removed: set[int] = set()
            if redo:
                stale = [c for c in existing if c.status == "suggested" and c.origin == "model"]
                ops = [{"op": "delete", "entity": "claim", "id": c.id, "row": snapshot(c)} for c in stale]
                audit(s, ops, kind=None, action_id=None, annotator=None, at=at)
                for c in stale:
                    removed.add(c.id)
                    s.delete(c)
                s.flush()
                existing = [c for c in existing if c.id not in removed]
            spans = {(c.start, c.end) for c in existing}
            decided = [(c.start, c.end) for c in existing if c.status != "suggested"]
            added: list[ClaimRow] = []
            speakers_before = set(s.scalars(select(SpeakerRow.id)))
            for new in suggestions:
                key = (new.content.start, new.content.end)
                if key in spans or any(a < new.content.end and new.content.start < b for a, b in decided):
                    continue
                row = self._new_claim_row(s, None, article, new, annotator=None)
                spans.add(key)
                added.append(row)
            ops = [{"op": "insert", "entity": "claim", "id": r.id, "row": snapshot(r)} for r in added]
            audit(s, ops, kind=None, action_id=None, annotator=None, at=at)
            article.suggested_at = at
            new_speakers = set(s.scalars(select(SpeakerRow.id))) - speakers_before
            return Changes(articles=frozenset({article_id}), claims=frozenset(removed | {r.id for r in added}),
                           speakers=frozenset(new_speakers))

    def add_claim(self, article_id: int, new: ClaimDraft, *, annotator: str | None = None) -> tuple[Claim, Changes]:
        """A claim marked by a person (origin manual, confirmed unless said otherwise); undoable."""
        with self._action("New claim", annotator) as rec:
            article = rec.session.get(ArticleRow, article_id)
            if article is None:
                raise NotFoundError(f"There is no article {article_id} in this project.")
            row = self._new_claim_row(rec.session, rec, article, new, annotator)
            rec.inserted(row)
            claim_id = row.id
        return self.claim(claim_id), self._changes(rec)

    def update_claim(self, claim_id: int, *, annotator: str | None = None, expected_version: int | None = None,
                     label: str = "Edit claim", **fields: Any) -> Changes:
        """Change fields of a claim in one undoable action.

        Fields: content/cue/mention (Span or None), fragments (the content's pieces,
        content follows them), speaker (a name) or speaker_id,
        topic (a name) or topic_id, and kind, role, date, date_text, date_assumed,
        stance, verdict_rating, verdict_explanation, verdict_url, note, status.
        With ``expected_version`` a claim changed elsewhere meanwhile raises ConflictError.
        """
        from .errors import ConflictError

        allowed = SIMPLE_CLAIM_FIELDS | set(SPAN_FIELDS) | {"speaker", "speaker_id", "topic", "topic_id", "fragments"}
        unknown = set(fields) - allowed
        if unknown:
            raise InvalidValueError(f"Unknown claim field(s): {', '.join(sorted(unknown))}.")
        if "kind" in fields:
            self._check_choice("kind", fields["kind"], KINDS, optional=False)
        if "status" in fields:
            self._check_choice("status", fields["status"], STATUSES, optional=False)
        if "stance" in fields:
            self._check_choice("stance", fields["stance"], STANCES, optional=True)
        with self._action(label, annotator) as rec:
            s = rec.session
            row = s.get(ClaimRow, claim_id)
            if row is None:
                raise NotFoundError(f"There is no claim {claim_id} in this project.")
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(claim_id, expected_version, row.version)
            text = s.scalar(select(ArticleRow.text).where(ArticleRow.id == row.article_id))
            if "fragments" in fields or ("content" in fields and row.fragments):
                self._set_content(rec, row, text, fields.pop("content", None), fields.pop("fragments", None))
            for key, value in fields.items():
                if key in SPAN_FIELDS:
                    if key == "content" and value is None:
                        raise InvalidValueError("A claim needs its content span.")
                    for col, v in zip(SPAN_FIELDS[key], self._span_values(text, value, key)):
                        rec.set(row, col, v)
                elif key == "speaker":
                    rec.set(row, "speaker_id", self._resolve_speaker(rec, s, value))
                elif key == "topic":
                    rec.set(row, "topic_id", self._resolve_topic(rec, s, value))
                elif key in ("speaker_id", "topic_id"):
                    model = SpeakerRow if key == "speaker_id" else TopicRow
                    if value is not None and s.get(model, value) is None:
                        raise NotFoundError(f"There is no {key[:-3]} {value} in this project.")
                    rec.set(row, key, value)
                else:
                    rec.set(row, key, _clean(value) if isinstance(value, str) else value)
            if rec.ops and annotator and "annotator" not in fields:
                rec.set(row, "annotator", annotator)
        return self._changes(rec)

    def _set_content(self, rec: Recorder, row: ClaimRow, text: str, content: Span | None, pieces) -> None:
        """New content of a claim: its pieces (content follows), or a new whole span for a split claim
        (its pieces are clipped to it, see ``fragments.clipped``)."""
        if pieces is None:
            if content is None:
                raise InvalidValueError("A claim needs its content span.")
            start, end, value = self._span_values(text, content, "content")
            old = fragments.from_stored(row.fragments, Span(row.start, row.end, row.content_text))
            pieces = fragments.clipped(old, Span(start, end, value), text)
        start, end, value, stored = self._content_values(text, content, pieces)
        for col, v in (("start", start), ("end", end), ("content_text", value), ("fragments", stored)):
            rec.set(row, col, v)

    def add_fragment(self, claim_id: int, piece: Span, *, annotator: str | None = None,
                     expected_version: int | None = None) -> Changes:
        """Join a stretch of text to a claim's content as a fragment (merging with pieces it touches); undoable."""
        current = self.claim(claim_id)
        text = self.article(current.article_id).text
        start, end, value = self._span_values(text, piece, "fragment")
        pieces = fragments.with_piece(current.fragments, Span(start, end, value), text)
        return self.update_claim(claim_id, annotator=annotator, label="Add fragment",
                                 expected_version=expected_version if expected_version is not None else current.version,
                                 fragments=pieces)

    def remove_fragment(self, claim_id: int, index: int, *, annotator: str | None = None,
                        expected_version: int | None = None) -> Changes:
        """Remove the claim's content fragment at ``index`` (0-based); a claim keeps at least one; undoable."""
        current = self.claim(claim_id)
        pieces = fragments.without_piece(current.fragments, index)
        return self.update_claim(claim_id, annotator=annotator, label="Remove fragment",
                                 expected_version=expected_version if expected_version is not None else current.version,
                                 fragments=pieces)

    def confirm_claim(self, claim_id: int, *, annotator: str | None = None, **fields: Any) -> Changes:
        return self.update_claim(claim_id, annotator=annotator, label="Accept claim", status="confirmed", **fields)

    def reject_claim(self, claim_id: int, *, annotator: str | None = None) -> Changes:
        return self.update_claim(claim_id, annotator=annotator, label="Reject claim", status="rejected")

    def delete_claim(self, claim_id: int, *, annotator: str | None = None) -> Changes:
        with self._action("Delete claim", annotator) as rec:
            row = rec.session.get(ClaimRow, claim_id)
            if row is None:
                raise NotFoundError(f"There is no claim {claim_id} in this project.")
            rec.delete(row)
        return self._changes(rec)

    def claim_history(self, claim_id: int) -> list[AuditEntry]:
        """Every recorded change to a claim, oldest first (including the model's original suggestion)."""
        with self._reading() as s:
            rows = s.scalars(select(AuditRow).where(AuditRow.entity == "claim", AuditRow.entity_id == claim_id)
                             .order_by(AuditRow.id))
            return [convert.audit_entry(r) for r in rows]

    def audit_log(self, *, limit: int = 200) -> list[AuditEntry]:
        with self._reading() as s:
            rows = s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit))
            return [convert.audit_entry(r) for r in rows]

    # ------------------------------------------------------------- undo / redo
    def history(self, annotator: str | None = None, *, limit: int = 100) -> list[HistoryItem]:
        """This annotator's recent actions, newest first (state done or undone)."""
        with self._reading() as s:
            rows = s.scalars(
                select(ActionRow).where(ActionRow.annotator.is_not_distinct_from(annotator),
                                        ActionRow.state.in_(("done", "undone")))
                .order_by(ActionRow.id.desc()).limit(limit))
            return [HistoryItem(r.id, r.label, r.annotator, r.at, r.state) for r in rows]

    def _next(self, s: Session, annotator: str | None, state: str) -> ActionRow | None:
        q = select(ActionRow).where(ActionRow.annotator.is_not_distinct_from(annotator), ActionRow.state == state)
        q = q.order_by(ActionRow.id.desc() if state == "done" else ActionRow.id.asc()).limit(1)
        return s.scalar(q)

    def undo_label(self, annotator: str | None = None) -> str | None:
        with self._reading() as s:
            row = self._next(s, annotator, "done")
            return row.label if row else None

    def redo_label(self, annotator: str | None = None) -> str | None:
        with self._reading() as s:
            row = self._next(s, annotator, "undone")
            return row.label if row else None

    def undo(self, annotator: str | None = None) -> Changes:
        return self._undo_redo(annotator, undo=True)

    def redo(self, annotator: str | None = None) -> Changes:
        return self._undo_redo(annotator, undo=False)

    def _undo_redo(self, annotator: str | None, *, undo: bool) -> Changes:
        with self._writing() as s:
            action = self._next(s, annotator, "done" if undo else "undone")
            if action is None:
                raise NothingToUndoError("Nothing to undo." if undo else "Nothing to redo.")
            at = now()
            touched = apply_ops(s, action.ops, reverse=undo, at=at)
            action.state = "undone" if undo else "done"
            audit(s, action.ops, kind="undo" if undo else "redo", action_id=action.id, annotator=annotator, at=at)
            speakers = set(touched.get("speaker", ())) | {
                op["row"]["speaker_id"] for op in action.ops if op["entity"] == "speaker_role" and "row" in op}
            return Changes(articles=frozenset(touched.get("article", ())), claims=frozenset(touched.get("claim", ())),
                           speakers=frozenset(speakers), topics=frozenset(touched.get("topic", ())),
                           action_id=action.id)

    # ---------------------------------------------------------------- speakers
    def speakers(self) -> list[Speaker]:
        with self._reading() as s:
            counts = dict(s.execute(select(ClaimRow.speaker_id, func.count()).group_by(ClaimRow.speaker_id)).all())
            rows = s.scalars(select(SpeakerRow).order_by(SpeakerRow.name_key))
            return [convert.speaker(r, counts.get(r.id, 0)) for r in rows]

    def speaker(self, speaker_id: int) -> Speaker:
        with self._reading() as s:
            row = s.get(SpeakerRow, speaker_id)
            if row is None:
                raise NotFoundError(f"There is no speaker {speaker_id} in this project.")
            n = s.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.speaker_id == speaker_id))
            return convert.speaker(row, n)

    def find_speaker(self, name: str) -> Speaker | None:
        """The registry speaker with this name or alias (case-insensitive), if any."""
        name = _clean(name) or ""
        with self._reading() as s:
            sid = self._speaker_id_named(s, name)
            return convert.speaker(s.get(SpeakerRow, sid)) if sid is not None else None

    def add_speaker(self, name: str, *, aliases: Sequence[str] = (), affiliation: str | None = None,
                    roles: Sequence[SpeakerRole] = (), annotator: str | None = None) -> tuple[Speaker, Changes]:
        name = _clean(name)
        if not name:
            raise InvalidValueError("A speaker needs a name.")
        with self._action("New speaker", annotator) as rec:
            s = rec.session
            if s.scalar(select(SpeakerRow.id).where(SpeakerRow.name_key == name_key(name))) is not None:
                raise InvalidValueError(f"There is already a speaker called {name}.")
            row = SpeakerRow(name=name, aliases=[a for a in dict.fromkeys(map(str.strip, aliases)) if a],
                             affiliation=_clean(affiliation), created_at=now())
            s.add(row)
            rec.inserted(row)
            for r in roles:
                role_row = SpeakerRoleRow(speaker_id=row.id, role=r.role, start=r.start, end=r.end)
                s.add(role_row)
                rec.inserted(role_row)
            sid = row.id
        return self.speaker(sid), self._changes(rec)

    def update_speaker(self, speaker_id: int, *, annotator: str | None = None, **fields: Any) -> Changes:
        """Change name, aliases or affiliation of a speaker, undoably."""
        unknown = set(fields) - {"name", "aliases", "affiliation"}
        if unknown:
            raise InvalidValueError(f"Unknown speaker field(s): {', '.join(sorted(unknown))}.")
        with self._action("Edit speaker", annotator) as rec:
            row = rec.session.get(SpeakerRow, speaker_id)
            if row is None:
                raise NotFoundError(f"There is no speaker {speaker_id} in this project.")
            if "name" in fields:
                name = _clean(fields["name"])
                if not name:
                    raise InvalidValueError("A speaker needs a name.")
                clash = rec.session.scalar(select(SpeakerRow.id).where(
                    SpeakerRow.name_key == name_key(name), SpeakerRow.id != speaker_id))
                if clash is not None:
                    raise InvalidValueError(f"There is already a speaker called {name}; merge them instead.")
                rec.set(row, "name", name)
            if "aliases" in fields:
                rec.set(row, "aliases", [a for a in dict.fromkeys(a.strip() for a in fields["aliases"]) if a])
            if "affiliation" in fields:
                rec.set(row, "affiliation", _clean(fields["affiliation"]))
        return self._changes(rec)

    def add_speaker_role(self, speaker_id: int, role: str, start: dt.date | None = None,
                         end: dt.date | None = None, *, annotator: str | None = None) -> Changes:
        role = _clean(role)
        if not role:
            raise InvalidValueError("A role needs a title.")
        if start and end and end < start:
            raise InvalidValueError("A role cannot end before it starts.")
        with self._action("Add role", annotator) as rec:
            if rec.session.get(SpeakerRow, speaker_id) is None:
                raise NotFoundError(f"There is no speaker {speaker_id} in this project.")
            row = SpeakerRoleRow(speaker_id=speaker_id, role=role, start=start, end=end)
            rec.session.add(row)
            rec.inserted(row)
        return self._changes(rec)

    # ------------------------------------------------------------------ topics
    def topics(self) -> list[Topic]:
        with self._reading() as s:
            counts = dict(s.execute(select(ClaimRow.topic_id, func.count()).group_by(ClaimRow.topic_id)).all())
            return [convert.topic(r, counts.get(r.id, 0)) for r in s.scalars(select(TopicRow).order_by(TopicRow.name))]

    def topic(self, topic_id: int) -> Topic:
        with self._reading() as s:
            row = s.get(TopicRow, topic_id)
            if row is None:
                raise NotFoundError(f"There is no topic {topic_id} in this project.")
            return convert.topic(row)

    def find_topic(self, name: str) -> Topic | None:
        with self._reading() as s:
            row = s.scalar(select(TopicRow).where(TopicRow.name_key == name_key(name or "")))
            return convert.topic(row) if row else None

    def add_topic(self, name: str, *, keywords: Sequence[str] = (), examples: Sequence[str] = (),
                  annotator: str | None = None) -> tuple[Topic, Changes]:
        name = _clean(name)
        if not name:
            raise InvalidValueError("A topic needs a name.")
        with self._action("New topic", annotator) as rec:
            s = rec.session
            if s.scalar(select(TopicRow.id).where(TopicRow.name_key == name_key(name))) is not None:
                raise InvalidValueError(f"There is already a topic called {name}.")
            row = TopicRow(name=name, keywords=[k.strip() for k in keywords if k.strip()],
                           examples=[e.strip() for e in examples if e.strip()], created_at=now())
            s.add(row)
            rec.inserted(row)
            tid = row.id
        return self.topic(tid), self._changes(rec)

    def update_topic(self, topic_id: int, *, annotator: str | None = None, **fields: Any) -> Changes:
        unknown = set(fields) - {"name", "keywords", "examples"}
        if unknown:
            raise InvalidValueError(f"Unknown topic field(s): {', '.join(sorted(unknown))}.")
        with self._action("Edit topic", annotator) as rec:
            row = rec.session.get(TopicRow, topic_id)
            if row is None:
                raise NotFoundError(f"There is no topic {topic_id} in this project.")
            if "name" in fields:
                name = _clean(fields["name"])
                if not name:
                    raise InvalidValueError("A topic needs a name.")
                rec.set(row, "name", name)
            for key in ("keywords", "examples"):
                if key in fields:
                    rec.set(row, key, [v.strip() for v in fields[key] if v.strip()])
        return self._changes(rec)

    # -------------------------------------------------------------- annotators
    def annotators(self) -> list[str]:
        with self._reading() as s:
            return list(s.scalars(select(AnnotatorRow.name).order_by(AnnotatorRow.name)))

    def add_annotator(self, name: str) -> None:
        name = _clean(name)
        if not name:
            raise InvalidValueError("An annotator needs a name.")
        with self._writing() as s:
            ensure_annotator(s, name)

    # ------------------------------------------------------------------ search
    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Claims, articles and speakers matching what the user typed."""
        hits: list[SearchHit] = []
        if not text or not text.strip():
            return hits
        with self._reading() as s:
            ids = search.claim_ids_matching(s, text)
            if ids is not None:
                for r in s.execute(select(ClaimRow.id, ClaimRow.article_id, ClaimRow.content_text)
                                   .where(ClaimRow.id.in_(ids)).limit(limit)):
                    hits.append(SearchHit("claim", r.id, r.article_id, _snippet(r.content_text, text)))
            ids = search.article_ids_matching(s, text)
            if ids is not None:
                for r in s.execute(select(ArticleRow.id, ArticleRow.title, ArticleRow.text)
                                   .where(ArticleRow.id.in_(ids)).limit(limit)):
                    hits.append(SearchHit("article", r.id, r.id, r.title or _snippet(r.text, text)))
            for r in s.execute(select(SpeakerRow.id, SpeakerRow.name)
                               .where(SpeakerRow.id.in_(search.speaker_ids_matching(text))).limit(limit)):
                hits.append(SearchHit("speaker", r.id, None, r.name))
        return hits


def _snippet(text: str, query: str, width: int = 120) -> str:
    words = re.findall(r"\w+", query)
    pos = -1
    if words:
        m = re.search(re.escape(words[0]), text, re.IGNORECASE)
        pos = m.start() if m else -1
    start = max(0, pos - width // 3) if pos >= 0 else 0
    snippet = text[start:start + width].replace("\n", " ")
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")


__all__ = ["Project"]
