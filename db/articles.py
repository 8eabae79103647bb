"""The articles of a project: adding, listing, editing and deleting them (one place for article writes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kernel import content_hash

from . import convert, search
from .actions import audit, now, snapshot
from .errors import DuplicateArticleError, InvalidValueError, NotFoundError
from .models import ArticleRow, AuditRow, ClaimRow
from .records import Article, ArticleSummary, Changes, NewArticle
from .store import Store, changes_of, clean, id_column

ARTICLE_FIELDS = {"title", "url", "publisher", "author", "published", "published_source", "language", "done"}


def article_row(s, article_id: int) -> ArticleRow:
    row = s.get(ArticleRow, article_id)
    if row is None:
        raise NotFoundError(f"There is no article {article_id} in this project.")
    return row


class Articles:
    def __init__(self, store: Store):
        self._store = store

    def add(self, new: NewArticle) -> tuple[Article, Changes]:
        if not new.text or not new.text.strip():
            raise InvalidValueError("The article has no text.")
        digest = new.content_hash or content_hash(new.text)
        with self._store.writing() as s:
            existing = s.execute(
                select(ArticleRow.id, ArticleRow.title).where(ArticleRow.content_hash == digest)
            ).first()
            if existing:
                raise DuplicateArticleError(existing.id, existing.title)
            row = ArticleRow(
                title=clean(new.title), source=new.source, url=clean(new.url), publisher=clean(new.publisher),
                author=clean(new.author), published=new.published,
                published_source=new.published_source if new.published else None,
                language=new.language, raw_text=new.raw_text if new.raw_text is not None else new.text,
                text=new.text, content_hash=digest, imported_at=now(), done=False,
            )
            s.add(row)
            try:
                s.flush()
            except IntegrityError as exc:  # a concurrent import of the same text
                raise DuplicateArticleError(-1, new.title) from exc
            # audited so other annotators' windows see the new article (db.feed)
            s.add(AuditRow(entity="article", entity_id=row.id, action_id=None, kind="create", field=None,
                           old=None, new={"title": row.title}, annotator=None, at=row.imported_at))
            return convert.article(row), Changes(articles=frozenset({row.id}))

    def get(self, article_id: int) -> Article:
        with self._store.reading() as s:
            return convert.article(article_row(s, article_id))

    def summaries(self, search_text: str | None = None, ids: Sequence[int] | None = None) -> list[ArticleSummary]:
        """The article list's rows (all, those a search finds, or just ``ids``), in the list's order.

        With ``ids`` only those articles' claims are counted (through the claims' article index), so
        a window that shows a few rows of a long list reads just those rows' counts.
        """
        counts = {}
        with self._store.reading() as s:
            grouped = select(ClaimRow.article_id, ClaimRow.status, func.count()).where(
                ClaimRow.layer.is_(None)).group_by(ClaimRow.article_id, ClaimRow.status)
            if ids is not None:
                grouped = grouped.where(ClaimRow.article_id.in_(ids))
            for article_id, status, n in s.execute(grouped):
                counts.setdefault(article_id, {})[status] = n
            q = select(ArticleRow.id, ArticleRow.title, ArticleRow.publisher, ArticleRow.published,
                       ArticleRow.published_source, ArticleRow.url, ArticleRow.done, ArticleRow.suggested_at)
            if ids is not None:
                q = q.where(ArticleRow.id.in_(ids))
            q = self._listed(s, q, search_text)
            if q is None:
                return []
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

    @staticmethod
    def _listed(s, q, search_text: str | None):
        """``q`` narrowed by the article search and in the list's order (newest publication first)."""
        if search_text and search_text.strip():
            found = search.article_ids_matching(s, search_text)
            if found is None:
                return None
            q = q.where(ArticleRow.id.in_(found))
        return q.order_by(ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id)

    def listed_ids(self, search_text: str | None = None) -> list[int]:
        """The ids of the article list (or of what a search finds), in its order, without counting claims."""
        with self._store.reading() as s:
            q = self._listed(s, select(ArticleRow.id), search_text)
            return [] if q is None else id_column(s, q)

    def ids(self, *, lacking_suggestions: bool = False) -> list[int]:
        with self._store.reading() as s:
            q = select(ArticleRow.id).order_by(ArticleRow.id)
            if lacking_suggestions:
                q = q.where(ArticleRow.suggested_at.is_(None))
            return list(s.scalars(q))

    def update(self, article_id: int, *, annotator: str | None = None, expected_version: int | None = None,
               **fields: Any) -> Changes:
        unknown = set(fields) - ARTICLE_FIELDS
        if unknown:
            raise InvalidValueError(f"Unknown article field(s): {', '.join(sorted(unknown))}.")
        if "published" in fields and "published_source" not in fields:
            fields["published_source"] = "user" if fields["published"] else None
        with self._store.action("Edit article", annotator) as rec:
            row = article_row(rec.session, article_id)
            rec.expect(row, expected_version, fields)
            for key, value in fields.items():
                rec.set(row, key, clean(value) if isinstance(value, str) else value)
        return changes_of(rec) | Changes(articles=frozenset({article_id}))

    def delete(self, article_id: int) -> Changes:
        with self._store.writing() as s:
            row = article_row(s, article_id)
            claim_rows = list(s.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id)))
            ops = [{"op": "delete", "entity": "claim", "id": c.id, "row": snapshot(c)} for c in claim_rows]
            at = now()
            audit(s, ops, kind=None, action_id=None, annotator=None, at=at)
            s.add(AuditRow(entity="article", entity_id=article_id, action_id=None, kind="delete", field=None,
                           old={"title": row.title}, new=None, annotator=None, at=at))
            for c in claim_rows:
                s.delete(c)
            s.delete(row)
            return Changes(articles=frozenset({article_id}), claims=frozenset(c.id for c in claim_rows))
