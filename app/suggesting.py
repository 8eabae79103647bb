"""Read articles, suggest claims, store them: the one suggestion loop, for the CLI and the GUI's job.

No Qt here. Articles are read lazily and go to the engine in small chunks (one
``nlp.pipe`` stream per chunk), each article's suggestions are stored in their
own short transaction, and ``cancelled()`` is checked between articles, so a cancelled run keeps what
it stored and never leaves an article half-suggested.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from annotate.cues import DEFAULT_SCOPE, SCOPES
from annotate.guard import ARTICLE, failures_of
from annotate.suggestion import TopicSpec
from app.suggest_errors import log_failures, project_source
from db import Changes, ClaimDraft, ClaimFilter, NotFoundError, Project, QuotedeskError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

CHUNK = 8
"""Articles parsed together (one ``nlp.pipe`` stream); small, so progress and cancel stay prompt."""


def topic_specs(project: Project) -> list[TopicSpec]:
    """The project's topics as the engine wants them (name, keywords, example claims)."""
    return [TopicSpec(t.name, tuple(t.keywords), tuple(t.examples)) for t in project.topics()]


Progress = Callable[[int, "int | None"], None]
Cancelled = Callable[[], bool]


class Suggester(Protocol):
    """Suggests claims for a project's articles, with its topics: ``LocalSuggester`` parses in this
    process, ``app.engine_process.HelperEngine`` in the helper process (which also stores them)."""

    def suggest_many(self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 16,
                     cancelled: Cancelled | None = None) -> Iterator[list[ClaimDraft]]:
        """One list of suggestions per (text, publication date), in order; nothing is stored."""

    def run_suggestions(self, project: Project, article_ids: Sequence[int], *, redo: bool = False,
                        progress: Progress | None = None, cancelled: Cancelled | None = None) -> SuggestSummary:
        """Suggest claims for the articles and store them (``run_suggestions``'s loop)."""


class Model(Protocol):
    """A loaded spaCy pipeline: ``LocalModel`` here or ``app.engine_process.ProcessEngine``."""

    model_name: str | None
    model_version: str | None

    def with_topics(self, topics: Sequence[TopicSpec], scope: str | None = None) -> Suggester:
        """The suggester that judges stance toward these topics, proposing ``scope``'s claims."""

    def close(self) -> None:
        """Let the pipeline go (stops a helper process)."""


class LocalModel:
    """A spaCy pipeline loaded in this process (the command line; tests)."""

    def __init__(self, nlp: Language):
        from annotate.spacy_pipelines import pipeline_id

        self.nlp = nlp
        self.model_name, self.model_version = pipeline_id(nlp)

    def with_topics(self, topics: Sequence[TopicSpec], scope: str | None = None) -> LocalSuggester:
        from annotate.engine import SuggestionEngine

        return LocalSuggester(SuggestionEngine(self.nlp, topics, scope=scope))

    def close(self) -> None:
        pass


class LocalSuggester:
    """``annotate.engine.SuggestionEngine`` as a ``Suggester``: parses in this process."""

    def __init__(self, engine):
        self.engine = engine

    def suggest_many(self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 16,
                     cancelled: Cancelled | None = None) -> Iterator[list[ClaimDraft]]:
        return self.engine.suggest_many(items, batch_size=batch_size, cancelled=cancelled)

    def run_suggestions(self, project: Project, article_ids: Sequence[int], *, redo: bool = False,
                        progress: Progress | None = None, cancelled: Cancelled | None = None) -> SuggestSummary:
        return run_suggestions(project, self, article_ids, redo=redo, progress=progress, cancelled=cancelled)


SCOPE_KEY = "suggest_scope"
"""Project setting: what the engine suggests, one of ``annotate.cues.SCOPES``."""


def project_scope(project: Project) -> str:
    """The project's suggestion scope ("all" attributions unless set to "statements")."""
    value = project.get_config(SCOPE_KEY, DEFAULT_SCOPE)
    return value if value in SCOPES else DEFAULT_SCOPE


def set_project_scope(project: Project, scope: str) -> None:
    if scope not in SCOPES:
        raise ValueError(f"unknown suggestion scope {scope!r} (one of: {', '.join(SCOPES)})")
    project.set_config(SCOPE_KEY, scope)


def engine_for(project: Project, model: Model, scope: str | None = None) -> Suggester:
    """The suggester for the project's current topics and scope (``scope`` overrides the project's
    setting); call it for each run (topics and the setting may change)."""
    return model.with_topics(topic_specs(project), scope or project_scope(project))


DETAILS_SHOWN = 50
"""Articles a failing rule cost that ``SuggestSummary.details`` lists one by one (the log lists every one)."""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class SuggestSummary:
    articles: list[int] = field(default_factory=list)  # ids of the articles given suggestions
    claims: int = 0  # new suggestions stored
    failed: list[tuple[int, str]] = field(default_factory=list)  # (article id, message for the user)
    # articles a failing rule (a bug, annotate.guard) cost: (article id, the error) of those skipped whole,
    # (article id, the fields left empty, the error) of those stored with a field empty in some claims
    skipped: list[tuple[int, str]] = field(default_factory=list)
    emptied: list[tuple[int, tuple[str, ...], str]] = field(default_factory=list)
    unaffiliated: list[int] = field(default_factory=list)  # speakers an affiliation rule failed for
    log: str | None = None  # where the failing rules' tracebacks are (app.suggest_errors), when any failed
    cancelled: bool = False
    changes: Changes = Changes()  # what the run changed in the project, for the views to refresh

    @property
    def done(self) -> int:
        """Articles the run is through with (suggested, failed or skipped)."""
        return len(self.articles) + len(self.failed) + len(self.skipped)

    @property
    def message(self) -> str:
        parts = [f"{_plural(self.claims, 'suggestion')} in {_plural(len(self.articles), 'article')}"]
        if self.failed:
            parts.append(f"{_plural(len(self.failed), 'article')} failed")
        internal = []
        if self.skipped:
            internal.append(f"{_plural(len(self.skipped), 'article')} skipped")
        if self.emptied:
            fields = sorted({f for _, fs, _ in self.emptied for f in fs}, key=("speaker", "date", "stance").index)
            internal.append(f"{_plural(len(self.emptied), 'article')} with "
                            f"{' and '.join('the ' + f for f in fields)} left empty")
        if self.unaffiliated:
            internal.append(f"{_plural(len(self.unaffiliated), 'speaker')} without the affiliation their "
                            "claims may state")
        if internal:
            # the log's name, not its path: one line in the window's status bar; ``details`` gives the path
            parts.append(" and ".join(internal) + f" after an internal error, details in {Path(self.log).name}")
        return "; ".join(parts) + (" (cancelled)." if self.cancelled else ".")

    @property
    def details(self) -> str:
        lines = [f"Article {aid}: {msg}" for aid, msg in self.failed]
        internal = [f"Article {aid}: skipped, a suggestion rule failed ({error})" for aid, error in self.skipped]
        internal += [f"Article {aid}: suggested with {' and '.join(fields)} left empty in some claims, "
                     f"a suggestion rule failed ({error})" for aid, fields, error in self.emptied]
        if len(internal) > DETAILS_SHOWN:  # a rule failing on every article: the log has them all
            internal[DETAILS_SHOWN:] = [f"... and {len(internal) - DETAILS_SHOWN} more articles (all in the log)"]
        lines += internal
        if self.unaffiliated:
            lines.append(f"Speakers {', '.join(map(str, self.unaffiliated))}: an affiliation rule failed on "
                         "some of their claims; their affiliation comes from the others, if any")
        if self.log and (self.skipped or self.emptied or self.unaffiliated):
            lines.append(f"The failures are logged with their tracebacks in {self.log}; "
                         "please report them (they are bugs in Quotedesk).")
        return "\n".join(lines)


def run_suggestions(project: Project, engine: Suggester, article_ids: Sequence[int], *, redo: bool = False,
                    progress: Progress | None = None, cancelled: Cancelled | None = None,
                    chunk: int = CHUNK, affiliations: bool = True) -> SuggestSummary:
    """Suggest claims for the given articles and store them.

    ``engine`` parses the texts (its ``suggest_many``); the loop runs here and stores in this
    process (the helper process runs this same loop on its side).
    Without ``redo`` an article's earlier suggestions stay and only new spans
    are added; with ``redo`` its pending model suggestions are replaced.
    Confirmed and rejected claims are never touched. A cancelled run is not an
    error: the summary says ``cancelled`` and holds what was stored. Then, when articles got
    suggestions, the speakers' affiliations and roles are suggested from their claims
    (``app.affiliating``), unless ``affiliations`` is False (the helper process runs that pass itself).
    """
    summary = SuggestSummary()
    ids = list(article_ids)
    total = len(ids)
    sent: deque[int] = deque()  # ids whose text went to the engine, in order

    def report() -> None:
        if progress is not None:
            progress(summary.done, total)

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
        failures = failures_of(suggestions)
        if failures:  # a rule's bug (annotate.guard): logged with the article's id, counted for the person
            summary.log = str(log_failures(project_source(project.url), aid, failures))
            if suggestions.skipped:  # nothing stored: the article still lacks suggestions, as before the run
                summary.skipped.append((aid, next(f.error for f in failures if f.stage == ARTICLE)))
                report()
                if cancelled is not None and cancelled():
                    break
                continue
        try:
            changes = project.save_suggestions(aid, suggestions, redo=redo)
        except QuotedeskError as exc:
            summary.failed.append((aid, str(exc)))
        else:
            if failures:
                summary.emptied.append((aid, suggestions.emptied, failures[0].error))
            summary.articles.append(aid)
            summary.changes |= changes
            # with redo, Changes also names the replaced suggestions, which are gone now
            summary.claims += (project.count_claims(ClaimFilter(ids=tuple(changes.claims)))
                               if redo and changes.claims else len(changes.claims))
        report()
        if cancelled is not None and cancelled():
            break
    summary.cancelled = bool(cancelled is not None and cancelled() and summary.done < total)
    if summary.articles and affiliations:  # who the new speakers speak for, from their titles in the text
        affiliate(project, summary)
    return summary


def affiliate(project: Project, summary: SuggestSummary, call=None) -> None:
    """The affiliation pass after a run (``app.affiliating``; ``call(fn, *args)`` runs it, the helper
    process on a thread of its own), its failing rules logged and counted in ``summary``."""
    from app.affiliating import suggest_affiliations

    failed: list = []
    summary.changes |= (call or (lambda fn, *args: fn(*args)))(suggest_affiliations, project, failed)
    by_article: dict[int, list] = {}
    for speaker_id, article_id, failure in failed:
        by_article.setdefault(article_id, []).append(failure)
        if speaker_id not in summary.unaffiliated:
            summary.unaffiliated.append(speaker_id)
    for article_id, failures in by_article.items():
        summary.log = str(log_failures(project_source(project.url), article_id, failures))
