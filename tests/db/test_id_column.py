"""``db.store.id_column``: the ids of a query, packed by SQLite into one string and unpacked in C (the
window's tables re-read 120,000 of them off the UI thread). They must be exactly the query's rows in
its order, whatever the order, direction, LIMIT/OFFSET, join or filter, and nothing for no rows."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import ArticleRow, ClaimRow, SpeakerRow
from db.store import id_column

from tests.db.test_claim_first_rows import fill


def queries():
    title = func.lower(ArticleRow.title)
    by_article = select(ClaimRow.id).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
    by_speaker = select(ClaimRow.id).outerjoin(SpeakerRow, SpeakerRow.id == ClaimRow.speaker_id)
    yield select(ClaimRow.id).order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
    yield select(ClaimRow.id).order_by(ClaimRow.id.desc())
    yield by_article.order_by(title, ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
    yield by_article.order_by(title.desc(), ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
    yield by_article.order_by(title, ClaimRow.id).limit(7)
    yield by_article.order_by(title, ClaimRow.id).limit(5).offset(3)
    yield by_speaker.order_by(func.lower(SpeakerRow.name).desc(), ClaimRow.start.desc(), ClaimRow.id)
    yield select(ClaimRow.id).where(ClaimRow.status == "confirmed").order_by(ClaimRow.content_text, ClaimRow.id)
    yield select(ClaimRow.id).where(ClaimRow.id < 0).order_by(ClaimRow.id)  # no rows
    yield select(ArticleRow.id).order_by(ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id)


def test_id_column_gives_the_querys_ids_in_its_order(project):
    fill(project)
    some = project.claims()
    project.confirm_claim(some[3].id)
    project.confirm_claim(some[10].id)
    with project._store.reading() as s:
        for q in queries():
            rows = [r[0] for r in s.execute(q)]
            ids = id_column(s, q)
            assert ids == rows, q
            assert all(type(i) is int for i in ids)
        assert len(id_column(s, select(ClaimRow.id))) == project.count_claims() > 40
        assert id_column(s, select(ClaimRow.id).where(ClaimRow.id < 0)) == []


def test_id_column_reads_large_ids(project):
    """Ids past 32 bits (SQLite's rowids are 64-bit) come back whole from the packed string."""
    if project._store.dialect != "sqlite":
        pytest.skip("PostgreSQL's ids are 32-bit integers and its ids are not packed")
    fill(project)
    big = 2**40 + 17
    with project._store.writing() as s:
        s.execute(ClaimRow.__table__.update().where(ClaimRow.id == project.claims()[0].id).values(id=big))
    with project._store.reading() as s:
        ids = id_column(s, select(ClaimRow.id).order_by(ClaimRow.id.desc()))
    assert ids[0] == big and ids == sorted(ids, reverse=True)
