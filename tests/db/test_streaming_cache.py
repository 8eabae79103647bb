"""A streamed read (the exports') holds SQLite's page cache small while it runs, and gives it back."""

from __future__ import annotations

from db import ClaimDraft, ClaimFilter, NewArticle, Span
from db.store import STREAM_CACHE_KIB


def _cache_sizes(project) -> list[int]:
    """The page cache size of every connection the project's pool holds."""
    engine = project._store.engine
    connections = [engine.connect() for _ in range(max(1, engine.pool.checkedin()))]
    try:
        return [int(c.exec_driver_sql("PRAGMA cache_size").scalar()) for c in connections]
    finally:
        for c in connections:
            c.close()


def test_a_streamed_read_holds_the_page_cache_small_and_sets_it_back(project):
    article, _ = project.add_article(NewArticle(text="“Yes,” she said. “No,” he said.", title="t"))
    project.save_suggestions(article.id, [ClaimDraft(content=Span(1, 4, "Yes")), ClaimDraft(content=Span(18, 20, "No"))])
    sqlite = project._store.dialect == "sqlite"  # (PostgreSQL streams as it reads)
    usual = _cache_sizes(project) if sqlite else None
    with project._store.streaming() as s:
        if sqlite:
            assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -STREAM_CACHE_KIB
    rows = list(project.stream_claim_values(ClaimFilter(), batch=1, fields=("id", "start")))
    articles = list(project.iter_articles([article.id])) + list(project.iter_articles())
    assert [r.start for r in rows] == [1, 18] and [a.id for a in articles] == [article.id] * 2
    if sqlite:
        assert _cache_sizes(project) == usual == [usual[0]] * len(usual) and usual[0] != -STREAM_CACHE_KIB


def test_an_interrupt_in_a_streamed_read_is_raised_as_it_is_and_the_project_reads_on(project):
    """Ctrl+C while the driver fetches a row invalidates the connection (SQLAlchemy's rule for a
    KeyboardInterrupt): the stream ends with the interrupt, not with an error setting the cache back on
    that connection, and the next read gets a connection that works."""
    import pytest

    article, _ = project.add_article(NewArticle(text="“Yes,” she said.", title="t"))
    project.save_suggestions(article.id, [ClaimDraft(content=Span(1, 4, "Yes"))])
    with pytest.raises(KeyboardInterrupt):
        with project._store.streaming() as s:
            s.connection().invalidate()
            raise KeyboardInterrupt
    assert [r.start for r in project.stream_claim_values(ClaimFilter(), fields=("id", "start"))] == [1]
