"""Read articles, suggest claims, store them: the one suggestion loop, for the CLI and the GUI's job.

No Qt here. Articles are read lazily and go to the engine in small chunks (one
``nlp.pipe`` stream per chunk), each article's suggestions are stored in their
own short transaction, and ``cancelled()`` is checked between articles, so a cancelled run keeps what
it stored and never leaves an article half-suggested.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotate.suggestion import TopicSpec
from db import ClaimFilter, NotFoundError, Project, QuotedeskError

log = logging.getLogger(__name__)

CHUNK = 8
"""Articles parsed together (one ``nlp.pipe`` stream); small, so progress and cancel stay prompt."""


def topic_specs(project: Project) -> list[TopicSpec]:
    """The project's topics as the engine wants them (name, keywords, example claims)."""
    return [TopicSpec(t.name, tuple(t.keywords), tuple(t.examples)) for t in project.topics()]


def engine_for(project: Project, model):
    """An engine judging stance toward the project's current topics.

    ``model`` is a spaCy pipeline (gives an ``annotate.engine.SuggestionEngine``)
    or a started ``desktop.engine_process.ProcessEngine`` (what the window uses).
    Call it for each run: topics may have changed since the last.
    """
    topics = topic_specs(project)
    if hasattr(model, "with_topics"):
        return model.with_topics(topics)
    from annotate.engine import SuggestionEngine

    return SuggestionEngine(model, topics)


@dataclass
class SuggestSummary:
    articles: list[int] = field(default_factory=list)  # ids of the articles given suggestions
    claims: int = 0  # new suggestions stored
    failed: list[tuple[int, str]] = field(default_factory=list)  # (article id, message for the user)
    cancelled: bool = False

    @property
    def message(self) -> str:
        text = (f"{self.claims} suggestion{'s' if self.claims != 1 else ''} in "
                f"{len(self.articles)} article{'s' if len(self.articles) != 1 else ''}")
        if self.failed:
            text += f"; {len(self.failed)} article{'s' if len(self.failed) != 1 else ''} failed"
        return text + (" (cancelled)." if self.cancelled else ".")

    @property
    def details(self) -> str:
        return "\n".join(f"Article {aid}: {msg}" for aid, msg in self.failed)


def run_suggestions(project: Project, engine, article_ids: Sequence[int], *, redo: bool = False,
                    progress: Callable[[int, int | None], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, chunk: int = CHUNK) -> SuggestSummary:
    """Suggest claims for the given articles and store them.

    ``engine`` is an ``annotate.engine.SuggestionEngine`` or anything with its
    ``suggest_many`` (``desktop.engine_process.ProcessEngine.with_topics(...)``).
    Without ``redo`` an article's earlier suggestions stay and only new spans
    are added; with ``redo`` its pending model suggestions are replaced.
    Confirmed and rejected claims are never touched. A cancelled run is not an
    error: the summary says ``cancelled`` and holds what was stored.
    """
    summary = SuggestSummary()
    ids = list(article_ids)
    total = len(ids)
    sent: deque[int] = deque()  # ids whose text went to the engine, in order

    def report() -> None:
        if progress is not None:
            progress(len(summary.articles) + len(summary.failed), total)

    def texts():  # read lazily, a chunk at a time, as the engine asks for more
        for aid in ids:
            try:
                article = project.article(aid)
            except NotFoundError as exc:  # deleted meanwhile
                summary.failed.append((aid, str(exc)))
                continue
            sent.append(aid)
            yield article.text, article.published

    report()
    for suggestions in engine.suggest_many(texts(), batch_size=chunk, cancelled=cancelled):
        aid = sent.popleft()
        try:
            changes = project.save_suggestions(aid, suggestions, redo=redo)
        except QuotedeskError as exc:
            summary.failed.append((aid, str(exc)))
        else:
            summary.articles.append(aid)
            # with redo, Changes also names the replaced suggestions, which are gone now
            summary.claims += (project.count_claims(ClaimFilter(ids=tuple(changes.claims)))
                               if redo and changes.claims else len(changes.claims))
        report()
        if cancelled is not None and cancelled():
            break
    summary.cancelled = bool(cancelled is not None and cancelled()
                             and len(summary.articles) + len(summary.failed) < total)
    if summary.articles:  # who the new speakers speak for, from their titles in the text
        from desktop.affiliating import suggest_affiliations

        suggest_affiliations(project)
    return summary
